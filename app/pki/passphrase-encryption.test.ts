import { describe, expect, it } from 'vitest';
import { opensslDecryptKey } from '../test/judges/index.ts';
import { concat, tlv, TAG } from './der-writer.ts';
import { exportPkcs8Pem, generateKeyPair } from './keys.ts';
import {
  decryptBytes,
  decryptJson,
  encryptBytes,
  encryptJson,
  type PassphraseSealed,
} from './passphrase-encryption.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { isOneDerSequence } from './pbes2.ts';

const fast = { iterations: 1000 };
/** A fixed salt and IV whose wrong-passphrase run fails the CBC padding every time (pbes2.test.ts). */
const fixed = { ...fast, salt: Uint8Array.from({ length: 16 }, (_, i) => i + 1), iv: new Uint8Array(16).fill(0xa5) };

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

describe('passphrase encryption round trip', () => {
  const rows = [
    { name: 'JSON with non-ASCII text', value: { items: [{ keyPem: 'KEY ü', n: 1 }], note: '✓' }, pass: 'pässwörd ✓' },
    { name: 'a JSON string', value: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', pass: 'pw' },
    { name: 'an empty list', value: [], pass: ' ' },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const sealed = await encryptJson(row.value, row.pass, fast);
      expect(JSON.stringify(sealed)).not.toContain('KEY');
      expect(await decryptJson(sealed, row.pass)).toEqual(row.value);
    });
  }

  it('bytes of every length around the AES block come back as they were', async () => {
    for (const length of [0, 1, 15, 16, 17, 33]) {
      const plain = Uint8Array.from({ length }, (_, i) => (i * 37) & 0xff);
      expect(await decryptBytes(await encryptBytes(plain, 'pw', fast), 'pw')).toEqual(plain);
    }
  });

  it('a fresh salt and IV each time: the same value sealed twice differs', async () => {
    const [a, b] = [await encryptJson({ a: 1 }, 'pw', fast), await encryptJson({ a: 1 }, 'pw', fast)];
    expect(a.encryption).not.toBe(b.encryption);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('writes 600,000 PBKDF2 iterations by default', async () => {
    const der = Buffer.from((await encryptBytes(new Uint8Array([1]), 'pw')).encryption, 'base64');
    // INTEGER 600000 = 02 03 09 27 C0
    expect(der.includes(Buffer.from([0x02, 0x03, 0x09, 0x27, 0xc0]))).toBe(true);
  });
});

describe('openssl reads what is sealed (PBES2 PBKDF2-HMAC-SHA256 AES-256-CBC)', () => {
  it('a PKCS#8 key sealed as bytes, framed as an EncryptedPrivateKeyInfo, is decrypted by openssl pkey', async () => {
    const keyPem = await exportPkcs8Pem((await generateKeyPair('p256')).privateKey);
    const pkcs8 = new Uint8Array(pemDecodeAll(keyPem).blocks[0]!.der);
    const sealed = await encryptBytes(pkcs8, 'pässwörd', fast);
    // RFC 5958 §3: EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }
    const epki = tlv(
      TAG.SEQUENCE,
      concat([
        Buffer.from(sealed.encryption, 'base64'),
        tlv(TAG.OCTET_STRING, Buffer.from(sealed.ciphertext, 'base64')),
      ]),
    );
    const judged = await opensslDecryptKey(pemEncode('ENCRYPTED PRIVATE KEY', epki), 'pässwörd');
    expect(judged.ok, judged.output).toBe(true);
    expect(judged.keyPem).toBe(keyPem);
  });
});

describe('passphrase encryption errors', () => {
  const good = () => encryptJson({ a: 1 }, 'right', fixed);
  const rows: {
    name: string;
    run: () => Promise<unknown>;
    want: { code: string; field: string; message?: RegExp };
  }[] = [
    {
      name: 'wrong passphrase (padding fails)',
      run: async () => decryptJson(await good(), 'wrong'),
      want: { code: 'wrong-password', field: 'password', message: /Wrong passphrase/ },
    },
    {
      name: 'wrong passphrase whose padding passed: not JSON',
      // Noise sealed under the passphrase stands in for a wrong key whose padding came out valid.
      run: async () => decryptJson(await encryptBytes(new Uint8Array([0xff, 0x00, 0x7b]), 'pw', fast), 'pw'),
      want: { code: 'wrong-password', field: 'password' },
    },
    {
      name: 'wrong passphrase whose padding passed: refused by accept',
      run: async () =>
        decryptBytes(await encryptBytes(new Uint8Array([1, 2, 3]), 'pw', fast), 'pw', { accept: isOneDerSequence }),
      want: { code: 'wrong-password', field: 'password' },
    },
    {
      name: 'no passphrase to decrypt with',
      run: async () => decryptJson(await good(), ''),
      want: { code: 'wrong-password', field: 'password', message: /enter its passphrase/ },
    },
    {
      name: 'empty passphrase to encrypt with',
      run: () => encryptJson({ a: 1 }, ''),
      want: { code: 'invalid-argument', field: 'password' },
    },
    ...[0, 1.5, 10_000_001].map((iterations) => ({
      name: `iterations ${iterations}`,
      run: () => encryptJson({ a: 1 }, 'pw', { iterations }),
      want: { code: 'invalid-argument', field: 'iterations', message: /1 to 10,000,000/ },
    })),
    {
      name: 'ciphertext not base64, reported on the caller field',
      run: async () => decryptJson({ ...(await good()), ciphertext: 'not base64!' }, 'right', { field: 'keyPem' }),
      want: { code: 'invalid-argument', field: 'keyPem', message: /ciphertext is not base64/ },
    },
    {
      name: 'header missing',
      run: async () => decryptJson({ ...(await good()), encryption: undefined } as unknown as PassphraseSealed, 'x'),
      want: { code: 'invalid-argument', field: 'file', message: /encryption header/ },
    },
    {
      name: 'header not DER',
      run: async () => decryptJson({ ...(await good()), encryption: b64(new Uint8Array([4, 1, 0])) }, 'right'),
      want: { code: 'invalid-der', field: 'file' },
    },
    {
      name: 'header asks for 20,000,000 iterations: refused before deriving',
      run: async () => decryptJson({ ...(await good()), encryption: b64(pbes2Header(20_000_000)) }, 'right'),
      want: { code: 'input-too-large', field: 'file', message: /20,000,000 exceeds/ },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const error: unknown = await row.run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: row.want.code, field: row.want.field });
      if (row.want.message) expect((error as Error).message).toMatch(row.want.message);
    });
  }
});

/** A PBES2 AlgorithmIdentifier (RFC 8018 A.4) with the given PBKDF2 count, HMAC-SHA256, AES-256-CBC. */
function pbes2Header(iterations: number): Uint8Array {
  const oid = (hex: string) => tlv(TAG.OID, Buffer.from(hex, 'hex'));
  const count = Buffer.from(iterations.toString(16).padStart(8, '0'), 'hex');
  const kdf = tlv(
    TAG.SEQUENCE,
    concat([
      oid('2a864886f70d01050c'),
      tlv(
        TAG.SEQUENCE,
        concat([
          tlv(TAG.OCTET_STRING, new Uint8Array(16)),
          tlv(TAG.INTEGER, count),
          tlv(TAG.SEQUENCE, concat([oid('2a864886f70d0209'), tlv(0x05 /* NULL */)])),
        ]),
      ),
    ]),
  );
  const scheme = tlv(TAG.SEQUENCE, concat([oid('60864801650304012a'), tlv(TAG.OCTET_STRING, new Uint8Array(16))]));
  return tlv(TAG.SEQUENCE, concat([oid('2a864886f70d01050d'), tlv(TAG.SEQUENCE, concat([kdf, scheme]))]));
}
