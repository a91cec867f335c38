// Issue 13 through the real launcher: `certbench inspect --password-file` on the keystores
// OpenSSL 1.1 and Java 8 wrote (3DES keys, RC2-40 certificates), on a SHA-224 MAC, on a Unicode
// password as OpenSSL 1.0.2 encoded it, and on a Camellia file that is refused by name.
// Inputs made by openssl; fingerprints judged by openssl (the DER of keys is compared in
// app/pki/read/legacy-keystores.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judge } from '../../pki/read/test-judges.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-cli-legacy-'));
const MAKE = `
set -e
printf '%s\\n' 's3cret' > pw.txt
printf '%s\\n' 'pässwörd' > pw-unicode.txt
python3 -c "import sys; sys.stdout.write('pässwörd'.encode('utf-8').decode('latin-1'))" > pw-broken
openssl req -x509 -newkey rsa:2048 -nodes -keyout node.key -out node.crt -subj "/CN=node1" -days 30 2>/dev/null
openssl pkcs12 -export -legacy -in node.crt -inkey node.key -out legacy.p12 -passout pass:s3cret
openssl pkcs12 -export -legacy -keypbe PBE-SHA1-2DES -certpbe PBE-SHA1-RC4-40 -macalg sha224 -in node.crt -inkey node.key -out sha224.p12 -passout pass:s3cret
openssl pkcs12 -export -legacy -in node.crt -inkey node.key -out openssl102.p12 -passout file:pw-broken
openssl pkcs12 -export -keypbe camellia-256-cbc -certpbe camellia-256-cbc -in node.crt -inkey node.key -out camellia.p12 -passout pass:s3cret
`;

function certbench(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', ['app/cli/certbench.mjs', 'inspect', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('certbench inspect on legacy PKCS#12 files', () => {
  let fingerprint = '';
  beforeAll(() => {
    judge('sh', ['-c', MAKE], undefined, dir);
    fingerprint = judge('openssl', ['x509', '-in', join(dir, 'node.crt'), '-noout', '-fingerprint', '-sha256'])
      .split('=')[1]!
      .trim()
      .replace(/:/g, '')
      .toLowerCase();
    writeFileSync(join(dir, 'made'), '');
  }, 120_000);

  const opens = [
    { name: 'OpenSSL 1.1 default (-legacy: 3DES key, RC2-40 certificates)', file: 'legacy.p12', pw: 'pw.txt' },
    { name: '2-key 3DES key, RC4-40 certificates, SHA-224 MAC', file: 'sha224.p12', pw: 'pw.txt' },
    { name: 'a Unicode password as OpenSSL 1.0.2 encoded it', file: 'openssl102.p12', pw: 'pw-unicode.txt' },
  ];
  for (const row of opens) {
    it(`${row.name}: the certificate and the key, as openssl reads them`, () => {
      const r = certbench(join(dir, row.file), '--password-file', join(dir, row.pw), '--json');
      expect(r.status, r.stderr + r.stdout).toBe(0);
      const [cert, key] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      expect(cert).toMatchObject({ kind: 'certificate', subject: 'CN=node1', fingerprints: { sha256: fingerprint } });
      expect(key).toMatchObject({ kind: 'private-key', format: 'pkcs12', publicKey: { algorithm: 'RSA', size: 2048 } });
    });
  }

  it('a Camellia file is refused by name with the conversion, exit 1', () => {
    const r = certbench(join(dir, 'camellia.p12'), '--password-file', join(dir, 'pw.txt'), '--json');
    expect(r.status).toBe(1);
    const items = JSON.parse(r.stdout) as Array<{ kind: string; message?: string }>;
    // Both parts fail with the same sentence, which is shown once.
    expect(items.map((i) => i.kind)).toEqual(['error']);
    for (const item of items)
      expect(item.message).toMatch(
        /Camellia-256-CBC, which certbench does not decrypt\. Convert it with OpenSSL 3: `openssl pkcs12 -legacy/,
      );
  });

  it('a wrong password says so, exit 1', () => {
    writeFileSync(join(dir, 'wrong.txt'), 'nope\n');
    const r = certbench(join(dir, 'legacy.p12'), '--password-file', join(dir, 'wrong.txt'), '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        kind: 'error',
        message: expect.stringMatching(/^Wrong password: the PKCS#12 integrity check \(MAC\)/) as unknown,
      }),
    ]);
  });
});
