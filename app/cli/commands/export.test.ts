// `certbench export` end to end: the real CLI in a child process, its files judged by openssl
// and keytool, its refusals leaving no file behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki, type TestPki } from '../../pki/pkcs12/testing/fixtures.ts';
import { keytoolList, opensslPkcs12Info } from '../../pki/pkcs12/testing/judges.ts';
import { run } from '../../test/judges/index.ts';

const CLI = join(import.meta.dirname, '..', 'certbench.mjs');

let pki: TestPki;
let dir: string;
beforeAll(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'certbench-export-'));
  const files: Record<string, string> = {
    'leaf.crt': pki.leaves.p256.certPem,
    'leaf.key': pki.leaves.p256.keyPem,
    'rsa.key': pki.leaves.rsa.legacyKeyPem,
    'rsa.crt': pki.leaves.rsa.certPem,
    'ed.key': pki.leaves.ed25519.keyPem,
    'ed.crt': pki.leaves.ed25519.certPem,
    'chain.pem': pki.intermediatePem + pki.rootPem,
    'root.crt': pki.rootPem,
    'other.crt': pki.otherCaPem,
    'pw.txt': 'changeit\n',
    'empty.txt': '\n',
    'utf8-pw.txt': 'pässwörd\n',
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  const der = run('openssl', [
    'x509',
    '-in',
    join(dir, 'leaf.crt'),
    '-outform',
    'DER',
    '-out',
    join(dir, 'leaf-in.der'),
  ]);
  if (der.status !== 0) throw new Error(der.stderr);
});

function certbench(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'export', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const p = (name: string) => join(dir, name);

interface Row {
  name: string;
  input: string[];
  out: string;
  want: { status: number; stderr?: RegExp; judge?: (out: string) => Promise<void> | void; mode?: number };
}

const rows: Row[] = [
  {
    name: 'p12 keystore with chain and alias, keytool sees the PrivateKeyEntry and a chain of 3',
    input: [
      'p12',
      '--cert',
      'leaf.crt',
      '--key',
      'leaf.key',
      '--chain',
      'chain.pem',
      '--password-file',
      'pw.txt',
      '--name',
      'node1',
      '--out',
      'ks.p12',
    ],
    out: 'ks.p12',
    want: {
      status: 0,
      mode: 0o600,
      judge: async (out) => {
        const listing = await keytoolList(readFileSync(out), 'changeit');
        expect(listing.entries).toEqual([{ alias: 'node1', type: 'PrivateKeyEntry', chainLength: 3 }]);
      },
    },
  },
  {
    name: 'truststore of two CAs',
    input: ['truststore', '--ca', 'root.crt', '--ca', 'other.crt', '--password-file', 'pw.txt', '--out', 'ts.p12'],
    out: 'ts.p12',
    want: {
      status: 0,
      mode: 0o644,
      judge: async (out) => {
        const listing = await keytoolList(readFileSync(out), 'changeit');
        expect(listing.entries.map((e) => e.type)).toEqual(['trustedCertEntry', 'trustedCertEntry']);
        expect((await opensslPkcs12Info(readFileSync(out), 'changeit')).ok).toBe(true);
      },
    },
  },
  {
    name: 'encrypted pkcs8 from a PKCS#1 key',
    input: ['pkcs8', '--key', 'rsa.key', '--password-file', 'pw.txt', '--iterations', '10000', '--out', 'rsa.p8.pem'],
    out: 'rsa.p8.pem',
    want: {
      status: 0,
      mode: 0o600,
      judge: (out) => expect(run('openssl', ['pkey', '-in', out, '-passin', 'pass:changeit', '-noout']).status).toBe(0),
    },
  },
  {
    name: 'SEC1 key',
    input: ['key', '--key', 'leaf.key', '--format', 'sec1', '--out', 'leaf.ec.pem'],
    out: 'leaf.ec.pem',
    want: {
      status: 0,
      mode: 0o600,
      judge: (out) => expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN EC PRIVATE KEY-----/),
    },
  },
  {
    name: 'pkcs7 DER bundle',
    input: ['pkcs7', '--cert', 'leaf.crt', '--cert', 'chain.pem', '--der', '--out', 'b.p7b'],
    out: 'b.p7b',
    want: {
      status: 0,
      judge: (out) =>
        expect(
          run('openssl', ['pkcs7', '-inform', 'DER', '-in', out, '-print_certs']).stdout.match(/^subject=/gm),
        ).toHaveLength(3),
    },
  },
  {
    name: 'certificate DER',
    input: ['der', '--cert', 'leaf.crt', '--out', 'leaf.der'],
    out: 'leaf.der',
    want: {
      status: 0,
      judge: (out) =>
        expect(run('openssl', ['x509', '-inform', 'DER', '-in', out, '-noout', '-subject']).stdout).toMatch(
          /node-p256\.example/,
        ),
    },
  },
  {
    name: 'fullchain from a DER certificate and a chain given root first',
    input: ['fullchain', '--cert', 'leaf-in.der', '--chain', 'root.crt', '--chain', 'chain.pem', '--out', 'full.pem'],
    out: 'full.pem',
    want: {
      status: 0,
      judge: (out) => {
        const p7 = run('openssl', ['crl2pkcs7', '-nocrl', '-certfile', out]).stdout;
        const printed = run('openssl', ['pkcs7', '-print_certs', '-noout'], { input: p7 }).stdout;
        expect(printed.match(/^subject=.*$/gm)).toEqual([
          'subject=CN = node-p256.example',
          'subject=CN = Certbench Test Intermediate',
          'subject=CN = Certbench Test Root',
        ]);
      },
    },
  },
  {
    name: 'cassandra-pem: key then chain',
    input: ['cassandra-pem', '--cert', 'rsa.crt', '--key', 'rsa.key', '--chain', 'chain.pem', '--out', 'cassandra.pem'],
    out: 'cassandra.pem',
    want: {
      status: 0,
      mode: 0o600,
      judge: (out) =>
        expect(readFileSync(out, 'utf8').match(/-----BEGIN [A-Z ]+-----/g)).toEqual([
          '-----BEGIN PRIVATE KEY-----',
          ...Array.from({ length: 3 }, () => '-----BEGIN CERTIFICATE-----'),
        ]),
    },
  },
  {
    name: 'non-ASCII password: written, with the Java warning',
    input: ['p12', '--cert', 'leaf.crt', '--key', 'leaf.key', '--password-file', 'utf8-pw.txt', '--out', 'utf8.p12'],
    out: 'utf8.p12',
    want: {
      status: 0,
      stderr: /warning: .*Java 17/,
      judge: async (out) => expect((await opensslPkcs12Info(readFileSync(out), 'pässwörd')).ok).toBe(true),
    },
  },
  {
    name: 'mismatched key: exit 1, nothing written',
    input: ['p12', '--cert', 'leaf.crt', '--key', 'rsa.key', '--password-file', 'pw.txt', '--out', 'bad1.p12'],
    out: 'bad1.p12',
    want: { status: 1, stderr: /key: This private key does not belong/ },
  },
  {
    name: 'empty password: exit 1, nothing written',
    input: ['p12', '--cert', 'leaf.crt', '--key', 'leaf.key', '--password-file', 'empty.txt', '--out', 'bad2.p12'],
    out: 'bad2.p12',
    want: { status: 1, stderr: /password: A password is required/ },
  },
  {
    name: 'no CA: exit 1, nothing written',
    input: ['truststore', '--password-file', 'pw.txt', '--out', 'bad3.p12'],
    out: 'bad3.p12',
    want: { status: 1, stderr: /ca: A truststore needs at least one CA/ },
  },
  {
    name: 'Ed25519 for Cassandra: exit 1, nothing written',
    input: ['cassandra-pem', '--cert', 'ed.crt', '--key', 'ed.key', '--out', 'bad4.pem'],
    out: 'bad4.pem',
    want: { status: 1, stderr: /not Ed25519/ },
  },
  {
    name: 'unknown format',
    input: ['jks', '--out', 'bad5'],
    out: 'bad5',
    want: { status: 2, stderr: /unknown format "jks"/ },
  },
];

describe('certbench export', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const r = certbench(row.input);
      expect(r.status, r.stderr).toBe(row.want.status);
      if (row.want.stderr) expect(r.stderr).toMatch(row.want.stderr);
      expect(existsSync(p(row.out))).toBe(row.want.status === 0);
      if (row.want.mode !== undefined) expect(statSync(p(row.out)).mode & 0o777).toBe(row.want.mode);
      await row.want.judge?.(p(row.out));
    });
  }

  it('refuses to overwrite without --force, then overwrites with it and keeps keys private', () => {
    writeFileSync(p('existing.pem'), 'keep me', { mode: 0o644 });
    const refused = certbench(['pkcs8', '--key', 'leaf.key', '--out', 'existing.pem']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to overwrite/);
    expect(readFileSync(p('existing.pem'), 'utf8')).toBe('keep me');
    const forced = certbench(['pkcs8', '--key', 'leaf.key', '--out', 'existing.pem', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(p('existing.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(p('existing.pem')).mode & 0o777).toBe(0o600);
  });

  it('--help lists every format', () => {
    const r = certbench(['--help']);
    expect(r.status).toBe(0);
    for (const f of ['p12', 'truststore', 'pkcs8', 'key', 'pkcs7', 'der', 'fullchain', 'cassandra-pem'])
      expect(r.stdout).toContain(`  ${f} `);
  });
});
