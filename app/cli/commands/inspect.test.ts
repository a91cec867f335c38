// `certbench inspect` end to end through the real launcher: JSON shape, passwords from a file,
// exit statuses. Inputs made by openssl.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judge } from '../../pki/read/test-judges.ts';
import { treeToText } from '../../pki/index.ts';
import { explainedReport } from '../../flows/inspect-report.ts';
import { runCaptured } from '../testing/run-captured.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-cli-inspect-'));
const MAKE = `
set -e
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout node.key -out node.crt -subj "/O=Acme/CN=node1" -days 30 -addext "subjectAltName=DNS:node1.example,IP:10.0.0.1" -addext "extendedKeyUsage=serverAuth,clientAuth" -addext "keyUsage=critical,digitalSignature" -addext "basicConstraints=critical,CA:FALSE"
openssl pkcs12 -export -in node.crt -inkey node.key -out node.p12 -passout pass:s3cret
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt -subj "/CN=Acme Root" -days 30 -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout db.key -out db.csr -subj "/CN=db-1"
printf 'subjectAltName=DNS:db-1.example\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' > db.ext
openssl x509 -req -in db.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out db.crt -days 20 -extfile db.ext
`;

function certbench(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', ['app/cli/certbench.mjs', 'inspect', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  judge('sh', ['-c', MAKE], undefined, dir);
  writeFileSync(join(dir, 'pw.txt'), 's3cret\n');
  writeFileSync(join(dir, 'junk.txt'), 'not a certificate');
});

describe('certbench inspect', () => {
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

/** The report's sections, run in-process (runCaptured): the launcher itself is the rows above. */
describe('certbench inspect: relations and diagnoses', () => {
  const rows = [
    {
      name: 'text output relates a key to its certificate (in the key and under Relations)',
      args: () => [join(dir, 'node.crt'), join(dir, 'node.key')],
      status: 0,
      check: (out: string) => {
        expect(out).toMatch(/\nRelations\n {2}Private keys\n {4}[^\n]*P-256: belongs to CN=node1,O=Acme\n/);
        expect(out).toMatch(/\nPrivate key: node\.key\n(?: {2}[^\n]*\n)* {2}Matches: certificate node\.crt\n/);
      },
    },
    {
      name: 'a leaf with its CA given is diagnosed valid for its host and role, with each client',
      args: () => [join(dir, 'ca.crt'), join(dir, 'db.crt'), '--host', 'db-1.example', '--purpose', 'server'],
      status: 0,
      check: (out: string) => {
        expect(out).toMatch(/\nDiagnosis: CN=db-1 \(for db-1\.example as a TLS server\): valid\n/);
        expect(out).toMatch(/\n {2}clients:\n {4}RFC 5280, OpenSSL [^\n]*, Go [^\n]*: accept\n/);
        expect(out).not.toMatch(/refuse/);
      },
    },
    {
      name: 'the wrong host is diagnosed not valid, in words',
      args: () => [join(dir, 'ca.crt'), join(dir, 'db.crt'), '--host', 'other.example'],
      status: 0,
      check: (out: string) => {
        expect(out).toMatch(/\nDiagnosis: CN=db-1 \(for other\.example\): not valid\n {2}error: [^\n]*other\.example/);
        expect(out).toMatch(/: refuse — /);
      },
    },
    {
      name: 'a leaf without its CA is diagnosed not valid',
      args: () => [join(dir, 'db.crt')],
      status: 0,
      check: (out: string) => {
        expect(out).toMatch(/\nDiagnosis: CN=db-1: not valid\n {2}error: /);
        // inspect takes every file as an argument: its advice names no option it does not have.
        expect(out).toContain("Add 'Acme Root' (the CA that issued 'db-1') to the files given.");
        expect(out).not.toMatch(/--ca\b|--untrusted\b/);
      },
    },
    {
      name: 'a purpose other than server or client is a usage error',
      args: () => [join(dir, 'db.crt'), '--purpose', 'email'],
      status: 2,
      check: () => undefined,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const r = await runCaptured(['inspect', ...row.args()]);
      expect(r.status, r.err).toBe(row.status);
      row.check(r.out);
    });
  }

  it("prints the shared inspect report (app/flows/inspect-report.ts): each item's tree is the report's", async () => {
    const names = ['ca.crt', 'db.crt', 'db.key'];
    const report = await explainedReport({
      inputs: names.map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) })),
    });
    const r = await runCaptured(['inspect', ...names.map((n) => join(dir, n))]);
    expect(r.status, r.err).toBe(0);
    expect(report.items.map((i) => i.kind)).toEqual(['certificate', 'certificate', 'private-key']);
    for (const item of report.items) expect(r.out).toContain(`${treeToText(item.tree)}\n\n`);
    expect(r.out).toContain(`Diagnosis: ${report.diagnoses[0]?.leaf}: valid`);
  });
});
