/**
 * `certbench verify` and `certbench lint` over a PKI made by openssl (an independent maker),
 * with `openssl verify` judging the same inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '../testing/run-captured.ts';

let dir = '';
// openssl 3.0 cannot set fixed dates on `x509 -req`, so the times are relative to now.
const AT = new Date(Date.now() + 86_400_000);
const LATER = new Date(Date.now() + 2 * 365 * 86_400_000);
const AT_ISO = AT.toISOString();
const AT_EPOCH = String(Math.floor(AT.getTime() / 1000));
const LATER_ISO = LATER.toISOString();
const LATER_EPOCH = String(Math.floor(LATER.getTime() / 1000));
const f = (name: string) => join(dir, name);

function openssl(args: string[]): string {
  try {
    return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if ((e as { status?: number }).status === undefined)
      throw new Error('openssl is missing (apt-get install openssl)', { cause: e });
    throw e;
  }
}

const EXTENSIONS = `
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[inter]
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
nameConstraints=critical,permitted;DNS:example.com,permitted;IP:10.0.0.0/255.0.0.0
[leaf]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth,clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=DNS:node1.example.com,IP:10.0.0.1
[outside]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=DNS:node1.example.org
[noaki]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=none
subjectAltName=DNS:node2.example.com
[client]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=DNS:client.example.com
`;

function issue(name: string, issuer: string, ext: string, serial: number): void {
  openssl([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  ]);
  openssl([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${issuer}.pem`,
    '-CAkey',
    `${issuer}.key`,
    '-set_serial',
    String(serial),
    '-days',
    '365',
    '-extfile',
    'ext.cnf',
    '-extensions',
    ext,
    '-out',
    `${name}.pem`,
  ]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-verify-'));
  writeFileSync(f('ext.cnf'), EXTENSIONS);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=CLI Root',
    '-days',
    '3650',
    '-config',
    'ext.cnf',
    '-extensions',
    'ca',
  ]);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'other.key',
    '-out',
    'other.pem',
    '-subj',
    '/CN=Other Root',
    '-days',
    '3650',
    '-config',
    'ext.cnf',
    '-extensions',
    'ca',
  ]);
  issue('int', 'root', 'inter', 2);
  issue('leaf', 'int', 'leaf', 3);
  issue('outside', 'int', 'outside', 4);
  issue('client', 'int', 'client', 5);
  issue('noaki', 'int', 'noaki', 6);
  writeFileSync(f('fullchain.pem'), openssl(['x509', '-in', 'leaf.pem']) + openssl(['x509', '-in', 'int.pem']));
  writeFileSync(f('junk.txt'), 'not a certificate\n');
});

/** The CLI run in-process, as a script would see it. */
const run = runCaptured;

/** `opensslArgs`: the same question put to `openssl verify`, which must give the same verdict. */
const rows: { name: string; args: () => string[]; want: number; codes?: string[]; opensslArgs?: () => string[] }[] = [
  {
    name: 'valid chain',
    args: () => ['verify', f('leaf.pem'), '--ca', f('root.pem'), '--untrusted', f('int.pem'), '--at', AT_ISO],
    want: 0,
    opensslArgs: () => ['-CAfile', f('root.pem'), '-untrusted', f('int.pem'), '-attime', AT_EPOCH, f('leaf.pem')],
  },
  {
    name: 'fullchain file as the leaf',
    args: () => [
      'verify',
      f('fullchain.pem'),
      '--ca',
      f('root.pem'),
      '--host',
      'node1.example.com',
      '--purpose',
      'server',
      '--at',
      AT_ISO,
    ],
    want: 0,
  },
  {
    name: 'expired at the given time',
    args: () => ['verify', f('leaf.pem'), '--ca', f('root.pem'), '--untrusted', f('int.pem'), '--at', LATER_ISO],
    want: 1,
    codes: ['expired'],
    opensslArgs: () => ['-CAfile', f('root.pem'), '-untrusted', f('int.pem'), '-attime', LATER_EPOCH, f('leaf.pem')],
  },
  {
    name: 'name constraint violated (openssl-made nameConstraints)',
    args: () => ['verify', f('outside.pem'), '--ca', f('root.pem'), '--untrusted', f('int.pem'), '--at', AT_ISO],
    want: 1,
    codes: ['name-constraint-violated'],
    opensslArgs: () => ['-CAfile', f('root.pem'), '-untrusted', f('int.pem'), '-attime', AT_EPOCH, f('outside.pem')],
  },
  {
    name: 'untrusted root',
    args: () => [
      'verify',
      f('leaf.pem'),
      '--ca',
      f('other.pem'),
      '--untrusted',
      f('int.pem'),
      '--untrusted',
      f('root.pem'),
      '--at',
      AT_ISO,
    ],
    want: 1,
    codes: ['untrusted-root'],
    opensslArgs: () => ['-CAfile', f('other.pem'), '-untrusted', f('int.pem'), '-attime', AT_EPOCH, f('leaf.pem')],
  },
  {
    name: 'missing intermediate',
    args: () => ['verify', f('leaf.pem'), '--ca', f('root.pem'), '--at', AT_ISO],
    want: 1,
    codes: ['missing-intermediate'],
    opensslArgs: () => ['-CAfile', f('root.pem'), '-attime', AT_EPOCH, f('leaf.pem')],
  },
  {
    name: 'client certificate used as a server',
    args: () => [
      'verify',
      f('client.pem'),
      '--ca',
      f('root.pem'),
      '--untrusted',
      f('int.pem'),
      '--purpose',
      'server',
      '--at',
      AT_ISO,
    ],
    want: 1,
    codes: ['eku-missing-server-auth'],
    opensslArgs: () => [
      '-CAfile',
      f('root.pem'),
      '-untrusted',
      f('int.pem'),
      '-purpose',
      'sslserver',
      '-attime',
      AT_EPOCH,
      f('client.pem'),
    ],
  },
  {
    name: 'IP not in the SANs',
    args: () => [
      'verify',
      f('leaf.pem'),
      '--ca',
      f('root.pem'),
      '--untrusted',
      f('int.pem'),
      '--host',
      '10.0.0.2',
      '--at',
      AT_ISO,
    ],
    want: 1,
    codes: ['ip-not-in-sans'],
    opensslArgs: () => [
      '-CAfile',
      f('root.pem'),
      '-untrusted',
      f('int.pem'),
      '-verify_ip',
      '10.0.0.2',
      '-attime',
      AT_EPOCH,
      f('leaf.pem'),
    ],
  },
  // Issue 8: RFC 5280 (the default) and Python 3.13+ refuse a leaf without an AKI; OpenSSL's default accepts it.
  {
    name: 'leaf without AKI: refused under rfc5280',
    args: () => ['verify', f('noaki.pem'), '--ca', f('root.pem'), '--untrusted', f('int.pem'), '--at', AT_ISO],
    want: 1,
    codes: ['missing-aki'],
    opensslArgs: () => [
      '-x509_strict',
      '-CAfile',
      f('root.pem'),
      '-untrusted',
      f('int.pem'),
      '-attime',
      AT_EPOCH,
      f('noaki.pem'),
    ],
  },
  {
    name: 'leaf without AKI: accepted with --client openssl',
    args: () => [
      'verify',
      f('noaki.pem'),
      '--ca',
      f('root.pem'),
      '--untrusted',
      f('int.pem'),
      '--client',
      'openssl',
      '--at',
      AT_ISO,
    ],
    want: 0,
    opensslArgs: () => ['-CAfile', f('root.pem'), '-untrusted', f('int.pem'), '-attime', AT_EPOCH, f('noaki.pem')],
  },
  { name: 'bad --client', args: () => ['verify', f('leaf.pem'), '--ca', f('root.pem'), '--client', 'curl'], want: 2 },
  { name: 'leaf file holds no certificate', args: () => ['verify', f('junk.txt'), '--ca', f('root.pem')], want: 2 },
  { name: 'leaf file missing', args: () => ['verify', f('nope.pem'), '--ca', f('root.pem')], want: 2 },
  { name: 'no --ca', args: () => ['verify', f('leaf.pem')], want: 2 },
  { name: 'bad --at', args: () => ['verify', f('leaf.pem'), '--ca', f('root.pem'), '--at', 'yesterday'], want: 2 },
  {
    name: 'bad --purpose',
    args: () => ['verify', f('leaf.pem'), '--ca', f('root.pem'), '--purpose', 'email'],
    want: 2,
  },
  {
    name: 'lint of openssl-made certificates',
    args: () => ['lint', f('root.pem'), f('int.pem'), f('leaf.pem')],
    want: 0,
  },
  { name: 'lint of an unreadable file', args: () => ['lint', f('junk.txt')], want: 2 },
];

describe('certbench verify / lint', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const args = row.args();
      const json = args[0] === 'verify' && row.want !== 2 ? [...args, '--json'] : args;
      const { status, out } = await run(json);
      expect(status).toBe(row.want);
      if (row.codes) {
        const parsed = JSON.parse(out) as { valid: boolean; chain: string[]; findings: { code: string }[] };
        expect(parsed.valid).toBe(false);
        for (const code of row.codes) expect(parsed.findings.map((x) => x.code)).toContain(code);
      }
      if (row.opensslArgs) {
        let ok = true;
        try {
          openssl(['verify', ...row.opensslArgs()]);
        } catch {
          ok = false;
        }
        expect(ok, 'openssl verify disagrees').toBe(row.want === 0);
      }
    });
  }

  it('JSON chain lists SHA-256 fingerprints leaf first, as openssl computes them', async () => {
    const { out } = await run([
      'verify',
      f('leaf.pem'),
      '--ca',
      f('root.pem'),
      '--untrusted',
      f('int.pem'),
      '--json',
      '--at',
      AT_ISO,
    ]);
    const parsed = JSON.parse(out) as { chain: string[] };
    const fp = (file: string) =>
      openssl(['x509', '-in', f(file), '-noout', '-fingerprint', '-sha256'])
        .split('=')[1]
        ?.trim()
        .replaceAll(':', '')
        .toLowerCase();
    expect(parsed.chain).toEqual([fp('leaf.pem'), fp('int.pem'), fp('root.pem')]);
  });

  it('JSON clients: one verdict per client, in order, with the codes that made it refuse', async () => {
    const { out } = await run([
      'verify',
      f('noaki.pem'),
      '--ca',
      f('root.pem'),
      '--untrusted',
      f('int.pem'),
      '--json',
      '--at',
      AT_ISO,
    ]);
    const parsed = JSON.parse(out) as { clients: { id: string; name: string; accepts: boolean; findings: string[] }[] };
    expect(parsed.clients.map((c) => [c.id, c.accepts, c.findings])).toEqual([
      ['rfc5280', false, ['missing-aki']],
      ['openssl', true, []],
      ['python', false, ['missing-aki']],
      ['java', true, []],
      ['go', true, []],
      ['webpki', true, []],
    ]);
    expect(Object.keys(parsed.clients[0] ?? {})).toEqual(['id', 'name', 'accepts', 'findings']);
  });

  it('human output: the matrix, one line per client with its reason', async () => {
    const { out } = await run([
      'verify',
      f('noaki.pem'),
      '--ca',
      f('root.pem'),
      '--untrusted',
      f('int.pem'),
      '--at',
      AT_ISO,
    ]);
    expect(out).toContain('Python 3.13+: refuses — the leaf has no authority key identifier');
    expect(out).toContain('* RFC 5280: refuses — the leaf has no authority key identifier');
    expect(out).toContain('OpenSSL (Node.js, curl, Python ≤ 3.12): accepts');
  });

  it('lint --json reports per certificate', async () => {
    const { status, out } = await run(['lint', f('leaf.pem'), '--json']);
    const parsed = JSON.parse(out) as { subject: string; findings: unknown[] }[];
    expect(status).toBe(0);
    expect(parsed.map((r) => r.subject)).toEqual(['CN=leaf']);
  });
});
