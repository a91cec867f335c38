// DSA and RSA-PSS private keys get their public key from the key structure (issue 13: they
// showed publicKey: null), judged by `openssl pkey -pubout` on the same key; also inside a
// legacy PKCS#12 file, where the certificate and the key then match.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/judges/index.ts';
import { readInput } from './read-input.ts';

const MAKE = `
set -e
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256 -out dsa-params.pem
openssl genpkey -paramfile dsa-params.pem -out dsa.key
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out pss.key
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha256 -pkeyopt rsa_pss_keygen_saltlen:32 -out pss-params.key
for k in dsa pss pss-params; do openssl pkey -in $k.key -pubout -outform DER -out $k-pub.der; done
openssl req -x509 -key dsa.key -subj /CN=dsa.example -days 30 -out dsa.crt
openssl pkcs12 -export -legacy -in dsa.crt -inkey dsa.key -passout pass:pw -out dsa.p12
`;

const hex = (b: ArrayBuffer | Uint8Array | null) =>
  b ? Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex') : null;

describe('public keys of DSA and RSA-PSS private keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-dsa-pss-'));
  const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  beforeAll(() => {
    const r = run('sh', ['-c', MAKE], { cwd: dir, timeoutMs: 300_000 });
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  }, 300_000);

  const rows = [
    { name: 'DSA 2048/256', key: 'dsa.key', pub: 'dsa-pub.der' },
    { name: 'RSA-PSS without parameters', key: 'pss.key', pub: 'pss-pub.der' },
    { name: 'RSA-PSS restricted to SHA-256, salt 32', key: 'pss-params.key', pub: 'pss-params-pub.der' },
  ];
  for (const row of rows) {
    it(`${row.name}: the public key is openssl's`, async () => {
      const [item] = await readInput({ bytes: file(row.key), name: row.key });
      expect(item?.kind).toBe('private-key');
      expect(hex(item?.kind === 'private-key' ? item.publicKeyDer : null)).toBe(hex(file(row.pub)));
    });
  }

  it('a DSA key in a legacy PKCS#12 file has the public key of its certificate', async () => {
    const items = await readInput({ bytes: file('dsa.p12'), name: 'dsa.p12' }, { password: 'pw' });
    const key = items.find((i) => i.kind === 'private-key');
    expect(items.map((i) => i.kind)).toEqual(['certificate', 'private-key']);
    expect(hex(key?.kind === 'private-key' ? key.publicKeyDer : null)).toBe(hex(file('dsa-pub.der')));
  });
});
