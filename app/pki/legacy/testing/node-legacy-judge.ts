/**
 * Node's OpenSSL with the legacy provider loaded (`node --openssl-legacy-provider`), as the judge
 * for DES, RC2 and RC4, which Node 20 refuses by default. One child process answers a whole batch
 * of cases, so property tests cost one spawn. For tests only.
 */
import { run } from '../../../test/judges/index.ts';

export interface CipherCase {
  /** OpenSSL cipher name: 'des-cbc', 'des-ede3-cbc', 'des-ede-cbc', 'rc2-cbc', 'rc2-40-cbc', 'rc2-64-cbc', 'rc4'… */
  cipher: string;
  key: Uint8Array;
  iv: Uint8Array | null;
  data: Uint8Array;
}

const SCRIPT = `
const crypto = require('node:crypto');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const out = cases.map((c) => {
  const iv = c.iv === null ? null : Buffer.from(c.iv, 'hex');
  const cipher = crypto.createCipheriv(c.cipher, Buffer.from(c.key, 'hex'), iv);
  return Buffer.concat([cipher.update(Buffer.from(c.data, 'hex')), cipher.final()]).toString('hex');
});
process.stdout.write(JSON.stringify(out));
`;

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Encrypt every case (PKCS#7 padding for block ciphers) with OpenSSL; hex ciphertexts in order. */
export function legacyEncrypt(cases: CipherCase[]): string[] {
  const input = JSON.stringify(
    cases.map((c) => ({ cipher: c.cipher, key: hex(c.key), iv: c.iv && hex(c.iv), data: hex(c.data) })),
  );
  const r = run('node', ['--openssl-legacy-provider', '-e', SCRIPT], { input });
  if (r.status !== 0) throw new Error(`node --openssl-legacy-provider failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}
