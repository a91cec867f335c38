// Key formats judged by openssl: what we write, openssl reads as the same key; PKCS#1 and SEC1
// come out byte for byte as `openssl rsa -traditional` / `openssl ec` write them.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePrivateKey, keyPem, pkcs8FromPkcs1, pkcs8FromSec1, type PrivateKeyFormat } from './key-formats.ts';
import { privateKeyFrom } from './pkcs12/inputs.ts';
import { pemDecodeAll } from './pem.ts';
import { PkiError } from './errors.ts';
import { LEAF_KINDS, makeTestPki, type LeafKind, type TestPki } from './pkcs12/testing/fixtures.ts';
import { opensslPublicKey } from './pkcs12/testing/judges.ts';
import { generateKeyPair } from './keys.ts';
import { run, withFiles } from '../test/judges/index.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
const derOf = (pem: string) => new Uint8Array(pemDecodeAll(pem).blocks[0]!.der);

/** `openssl pkey -pubout` on what we wrote (PEM or DER, maybe encrypted). */
function opensslPubkey(
  data: string | Uint8Array,
  form: 'PEM' | 'DER',
  password?: string,
): Promise<{ ok: boolean; out: string }> {
  return withFiles({ k: data, pw: password ?? '' }, (_d, p) => {
    const r = run('openssl', [
      'pkey',
      '-inform',
      form,
      '-in',
      p('k'),
      '-pubout',
      ...(password === undefined ? [] : ['-passin', `file:${p('pw')}`]),
    ]);
    return { ok: r.status === 0, out: r.status === 0 ? r.stdout : r.stderr };
  });
}

interface Row {
  name: string;
  input: { kind: LeafKind; format: PrivateKeyFormat; encoding: 'pem' | 'der'; password?: string };
  want: { label: string; sameAsOpenssl?: 'legacy' };
}

const rows: Row[] = [
  ...LEAF_KINDS.map((kind): Row => ({
    name: `${kind}: plain PKCS#8 PEM`,
    input: { kind, format: 'pkcs8', encoding: 'pem' },
    want: { label: 'PRIVATE KEY' },
  })),
  ...LEAF_KINDS.map((kind): Row => ({
    name: `${kind}: plain PKCS#8 DER`,
    input: { kind, format: 'pkcs8', encoding: 'der' },
    want: { label: 'PRIVATE KEY' },
  })),
  ...LEAF_KINDS.map((kind): Row => ({
    name: `${kind}: encrypted PKCS#8, non-ASCII password`,
    input: { kind, format: 'pkcs8-encrypted', encoding: 'pem', password: 'Schlüssel-密码' },
    want: { label: 'ENCRYPTED PRIVATE KEY' },
  })),
  {
    name: 'rsa: encrypted PKCS#8 DER',
    input: { kind: 'rsa', format: 'pkcs8-encrypted', encoding: 'der', password: 'changeit' },
    want: { label: 'ENCRYPTED PRIVATE KEY' },
  },
  {
    name: 'rsa: PKCS#1, as openssl rsa -traditional writes it',
    input: { kind: 'rsa', format: 'pkcs1', encoding: 'pem' },
    want: { label: 'RSA PRIVATE KEY', sameAsOpenssl: 'legacy' },
  },
  {
    name: 'p256: SEC1, as openssl ec writes it',
    input: { kind: 'p256', format: 'sec1', encoding: 'pem' },
    want: { label: 'EC PRIVATE KEY', sameAsOpenssl: 'legacy' },
  },
  {
    name: 'p384: SEC1 DER',
    input: { kind: 'p384', format: 'sec1', encoding: 'der' },
    want: { label: 'EC PRIVATE KEY', sameAsOpenssl: 'legacy' },
  },
];

describe('encodePrivateKey judged by openssl', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const leaf = pki.leaves[row.input.kind];
      const key = await encodePrivateKey(privateKeyFrom(leaf.keyPem), row.input.format, {
        ...(row.input.password ? { password: row.input.password, iterations: 10_000 } : {}),
      });
      expect(key.label).toBe(row.want.label);
      const data = row.input.encoding === 'pem' ? keyPem(key) : key.der;
      const read = await opensslPubkey(data, row.input.encoding === 'pem' ? 'PEM' : 'DER', row.input.password);
      expect(read.ok, read.out).toBe(true);
      expect(read.out).toBe(await opensslPublicKey(leaf.certPem, 'cert'));
      if (row.want.sameAsOpenssl) expect(hex(key.der)).toBe(hex(derOf(leaf.legacyKeyPem)));
    });
  }

  it('a wrong password does not open the encrypted key', async () => {
    const key = await encodePrivateKey(privateKeyFrom(pki.leaves.p256.keyPem), 'pkcs8-encrypted', {
      password: 'right',
      iterations: 10_000,
    });
    expect((await opensslPubkey(keyPem(key), 'PEM', 'wrong')).ok).toBe(false);
  });

  it('SEC1 from a WebCrypto-made key is read by openssl', async () => {
    const pair = await generateKeyPair('p384');
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    const sec1 = await encodePrivateKey(pkcs8, 'sec1');
    const read = await opensslPubkey(keyPem(sec1), 'PEM');
    expect(read.ok, read.out).toBe(true);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
    expect(read.out.replace(/-----[A-Z ]+-----|\s/g, '')).toBe(spki);
  });
});

describe('legacy key formats in', () => {
  const rows = [
    { name: 'PKCS#1 RSA to PKCS#8', input: 'rsa' as const, want: 'same bytes as openssl pkey' },
    { name: 'SEC1 P-256 to PKCS#8', input: 'p256' as const, want: 'same bytes as openssl pkey' },
    { name: 'SEC1 P-384 to PKCS#8', input: 'p384' as const, want: 'same bytes as openssl pkey' },
  ];
  for (const row of rows) {
    it(`${row.name}: ${row.want}`, () => {
      const leaf = pki.leaves[row.input];
      const convert = row.input === 'rsa' ? pkcs8FromPkcs1 : pkcs8FromSec1;
      expect(hex(convert(derOf(leaf.legacyKeyPem)))).toBe(hex(derOf(leaf.keyPem)));
      expect(hex(privateKeyFrom(leaf.legacyKeyPem))).toBe(hex(derOf(leaf.keyPem)));
    });
  }
});

describe('encodePrivateKey refuses', () => {
  const rows: {
    name: string;
    input: { kind: LeafKind; format: PrivateKeyFormat; password?: string };
    want: { code: string; field: string };
  }[] = [
    {
      name: 'PKCS#1 for an EC key',
      input: { kind: 'p256', format: 'pkcs1' },
      want: { code: 'unsupported-algorithm', field: 'key' },
    },
    {
      name: 'SEC1 for an RSA key',
      input: { kind: 'rsa', format: 'sec1' },
      want: { code: 'unsupported-algorithm', field: 'key' },
    },
    {
      name: 'SEC1 for Ed25519',
      input: { kind: 'ed25519', format: 'sec1' },
      want: { code: 'unsupported-algorithm', field: 'key' },
    },
    {
      name: 'PKCS#1 for Ed25519',
      input: { kind: 'ed25519', format: 'pkcs1' },
      want: { code: 'unsupported-algorithm', field: 'key' },
    },
    {
      name: 'encryption without a password',
      input: { kind: 'p256', format: 'pkcs8-encrypted' },
      want: { code: 'invalid-argument', field: 'password' },
    },
    {
      name: 'an unknown format',
      input: { kind: 'p256', format: 'jwk' as PrivateKeyFormat },
      want: { code: 'invalid-argument', field: 'format' },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const err = await encodePrivateKey(privateKeyFrom(pki.leaves[row.input.kind].keyPem), row.input.format, {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PkiError);
      expect({ code: (err as PkiError).code, field: (err as PkiError).field }).toEqual(row.want);
    });
  }
});
