// `certbench inspect` end to end through the real launcher: JSON shape, passwords from a file,
// exit statuses. Inputs made by openssl.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judge } from '../../pki/read/test-judges.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-cli-inspect-'));
const MAKE = `
set -e
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout node.key -out node.crt -subj "/O=Acme/CN=node1" -days 30 -addext "subjectAltName=DNS:node1.example,IP:10.0.0.1" -addext "extendedKeyUsage=serverAuth,clientAuth" -addext "keyUsage=critical,digitalSignature" -addext "basicConstraints=critical,CA:FALSE"
openssl pkcs12 -export -in node.crt -inkey node.key -out node.p12 -passout pass:s3cret
`;

function certbench(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', ['app/cli/certbench.mjs', 'inspect', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('certbench inspect', () => {
  beforeAll(() => {
    judge('sh', ['-c', MAKE], undefined, dir);
    writeFileSync(join(dir, 'pw.txt'), 's3cret\n');
    writeFileSync(join(dir, 'junk.txt'), 'not a certificate');
  });

  const rows = [
    {
      name: "--json over a PKCS#12 with --password-file gives the issue's fields",
      args: () => [join(dir, 'node.p12'), '--password-file', join(dir, 'pw.txt'), '--json'],
      status: 0,
      check: (out: string) => {
        const [cert, key] = JSON.parse(out) as Record<string, unknown>[];
        const fingerprint = judge('openssl', [
          'x509',
          '-in',
          join(dir, 'node.crt'),
          '-noout',
          '-fingerprint',
          '-sha256',
        ])
          .split('=')[1]
          ?.trim()
          .replace(/:/g, '')
          .toLowerCase();
        const serial = judge('openssl', ['x509', '-in', join(dir, 'node.crt'), '-noout', '-serial'])
          .split('=')[1]
          ?.trim()
          .toLowerCase();
        expect(cert).toMatchObject({
          kind: 'certificate',
          subject: 'CN=node1,O=Acme',
          issuer: 'CN=node1,O=Acme',
          serialNumber: serial,
          fingerprints: { sha256: fingerprint },
          subjectAltNames: [
            { type: 'dns', value: 'node1.example' },
            { type: 'ip', value: '10.0.0.1' },
          ],
          isCA: false,
          pathLength: null,
          keyUsage: ['digitalSignature'],
          extendedKeyUsage: ['serverAuth', 'clientAuth'],
          publicKey: { algorithm: 'EC', curve: 'P-256' },
          signatureAlgorithm: 'ecdsa-with-SHA256',
        });
        expect(String(cert?.notBefore)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(Array.isArray(cert?.findings)).toBe(true);
        expect(key).toMatchObject({
          kind: 'private-key',
          format: 'pkcs12',
          publicKey: { algorithm: 'EC', curve: 'P-256' },
        });
      },
    },
    {
      name: 'text output explains the certificate',
      args: () => [join(dir, 'node.crt')],
      status: 0,
      check: (out: string) => expect(out).toMatch(/^Certificate: node\.crt\n {2}Subject: CN=node1,O=Acme/),
    },
    {
      name: 'an unreadable input is an error item and exit 1',
      args: () => [join(dir, 'junk.txt'), '--json'],
      status: 1,
      check: (out: string) =>
        expect(JSON.parse(out)).toEqual([
          expect.objectContaining({ kind: 'error', message: expect.stringMatching(/No PEM block/) as unknown }),
        ]),
    },
    { name: 'no file is a usage error', args: () => [], status: 2, check: () => undefined },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const r = certbench(...row.args());
      expect(r.status, r.stderr).toBe(row.status);
      row.check(r.stdout);
    });
  }
});
