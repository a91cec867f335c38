import { beforeAll, describe, expect, it } from 'vitest';
import { decryptPkcs8, encryptPkcs8Pem } from './pkcs8.ts';
import { exportPkcs8Pem, generateKeyPair } from './keys.ts';
import { createRootCa, type CaResult } from './ca.ts';
import { issueLeaf } from './issue.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { PkiError } from './errors.ts';
import { opensslDecryptKey } from '../test/judges/openssl.ts';
import { run, withFiles } from '../test/judges/tools.ts';

let keyPem: string;
let ca: CaResult;
beforeAll(async () => {
  keyPem = await exportPkcs8Pem((await generateKeyPair('p256')).privateKey);
  ca = await createRootCa({ subject: { commonName: 'PKCS8 Root' } });
});

const der = (pem: string) => pemDecodeAll(pem).blocks[0]?.der ?? new ArrayBuffer(0);

describe('encrypted PKCS#8', () => {
  it('round-trips here and opens with openssl pkey -passin', async () => {
    const enc = await encryptPkcs8Pem(keyPem, 'pässword', { iterations: 2048 });
    expect(enc).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(pemEncode('PRIVATE KEY', await decryptPkcs8(enc, 'pässword'))).toBe(keyPem);
    const o = await opensslDecryptKey(enc, 'pässword');
    expect(o.ok, o.output).toBe(true);
    expect(o.keyPem).toBe(keyPem);
  });

  it('issueLeaf with a passphrase writes a key openssl opens (default 600,000 iterations, AES-256-CBC)', async () => {
    const leaf = await issueLeaf({ profile: 'client', commonName: 'alice', keyPassphrase: 's3cret' }, ca);
    const text = await withFiles(
      { 'k.pem': leaf.keyPem },
      (_d, p) => run('openssl', ['asn1parse', '-in', p('k.pem')]).stdout,
    );
    expect(text).toMatch(/PBES2/);
    expect(text).toMatch(/aes-256-cbc/);
    expect(text).toMatch(/hmacWithSHA256/);
    expect(text).toMatch(/INTEGER\s+:0?927C0/);
    expect((await opensslDecryptKey(leaf.keyPem, 's3cret')).ok).toBe(true);
  });

  it('decrypts a key openssl encrypted', async () => {
    const enc = await withFiles(
      { 'k.pem': keyPem },
      (_d, p) =>
        run('openssl', ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', p('k.pem'), '-passout', 'pass:hunter2']).stdout,
    );
    expect(pemEncode('PRIVATE KEY', await decryptPkcs8(enc, 'hunter2'))).toBe(keyPem);
  });

  const bad = [
    {
      name: 'wrong passphrase',
      input: async () => decryptPkcs8(await encryptPkcs8Pem(keyPem, 'right', { iterations: 1000 }), 'wrong'),
      want: { code: 'wrong-password', field: 'password' },
    },
    {
      name: 'empty passphrase on encrypt',
      input: () => encryptPkcs8Pem(keyPem, ''),
      want: { code: 'invalid-argument', field: 'passphrase' },
    },
    {
      name: 'not a key',
      input: () => decryptPkcs8('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'x'),
      want: { code: 'invalid-key', field: 'key' },
    },
    {
      name: 'DER that is not EncryptedPrivateKeyInfo',
      input: () => decryptPkcs8(new Uint8Array([0x30, 0x00]), 'x'),
      want: { code: 'invalid-key', field: 'key' },
    },
  ];
  for (const row of bad) {
    it(row.name, async () => {
      const e: unknown = await row.input().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(PkiError);
      expect({ code: (e as PkiError).code, field: (e as PkiError).field }).toEqual(row.want);
    });
  }

  it('a clear key passes through decryptPkcs8 unchanged', async () => {
    expect(new Uint8Array(await decryptPkcs8(keyPem, ''))).toEqual(new Uint8Array(der(keyPem)));
  });
});
