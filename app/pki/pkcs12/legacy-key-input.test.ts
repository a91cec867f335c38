// Issue 13 on the writing side's input: a key in an older encryption (OpenSSL's traditional
// "Proc-Type: 4,ENCRYPTED" PEM, a PKCS#5 PBES1 or PBES2 3DES "ENCRYPTED PRIVATE KEY") is
// decrypted with its password and goes into the keystore; openssl judges the result.
import { beforeAll, describe, expect, it } from 'vitest';
import { run, withFiles } from '../../test/judges/index.ts';
import { buildKeystore } from './keystore.ts';
import { ENCRYPTED_KEY_PASSWORD, makeTestPki, type TestPki } from './testing/fixtures.ts';
import { opensslPkcs12Extract, opensslPublicKey } from './testing/judges.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

/** The p256 leaf key re-encrypted by openssl with `args`. */
function encryptedWith(args: string[]): Promise<string> {
  return withFiles({ 'k.pem': pki.leaves.p256.keyPem }, (_d, p) => {
    const r = run('openssl', [...args, '-in', p('k.pem'), '-passout', `pass:${ENCRYPTED_KEY_PASSWORD}`]);
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  });
}

const rows = [
  {
    name: "OpenSSL's traditional PEM encryption (ec -aes128)",
    key: () => Promise.resolve(pki.legacyEncryptedP256KeyPem),
  },
  { name: 'traditional PEM encryption with 3DES (ec -des3)', key: () => encryptedWith(['ec', '-des3']) },
  {
    name: 'PKCS#5 PBES1 PBE-MD5-DES',
    key: () => encryptedWith(['pkcs8', '-topk8', '-provider', 'legacy', '-provider', 'default', '-v1', 'PBE-MD5-DES']),
  },
  { name: 'PBES2 with DES-EDE3-CBC', key: () => encryptedWith(['pkcs8', '-topk8', '-v2', 'des3']) },
];

describe('a keystore from a key in an older encryption', () => {
  for (const row of rows) {
    it(`${row.name}: decrypted with its password and stored`, async () => {
      const key = await row.key();
      const { der } = await buildKeystore({
        key,
        keyPassword: ENCRYPTED_KEY_PASSWORD,
        certificate: pki.leaves.p256.certPem,
        password: 'store-pass',
      });
      const keyPem = await opensslPkcs12Extract(der, 'store-pass', 'key');
      expect(await opensslPublicKey(keyPem, 'key')).toBe(await opensslPublicKey(pki.leaves.p256.certPem, 'cert'));
    });
  }
});
