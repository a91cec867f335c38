/** `certbench bundle` and `certbench snippet`, run as a user runs them; judged by python zipfile and openssl. */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from '../../test/judges/tools.ts';
import { pythonSslHandshake } from '../../test/judges/python-ssl.ts';
import { nodeTlsHandshake } from '../../test/judges/node-tls.ts';
import { readFileSync } from 'node:fs';
import { opensslBundle } from '../../layouts/testing/openssl-bundle.ts';
import { SNIPPETS } from '../../snippets/index.ts';
import { judgeCassandraStores } from '../../test/judges/keytool-stores.ts';

const CLI = join(import.meta.dirname, '..', 'certbench.mjs');
let caDir: string;
let work: string;

function certbench(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  caDir = opensslBundle().dir; // holds ca.crt and ca.key (PKCS#8) made by openssl
  work = mkdtempSync(join(tmpdir(), 'certbench-cli-'));
  writeFileSync(
    join(work, 'nodes.txt'),
    '# name, then IPs and DNS names\nnode-1 127.0.0.1 localhost\nnode-2 10.0.0.2 node-2.internal\n',
  );
  writeFileSync(join(work, 'store-pass'), 'store-pass-1\n');
});

describe('certbench bundle', () => {
  const rows: { name: string; args: string[]; want: string[] }[] = [
    {
      name: 'casty: nodes and clients as casty cert writes them',
      args: ['--layout', 'casty', '--nodes', 'nodes.txt', '--clients', 'app', '--clients', 'worker'],
      want: [
        'ca.crt',
        'node-1/node.crt',
        'node-1/node.key',
        'node-2/node.crt',
        'node-2/node.key',
        'app/client.crt',
        'app/client.key',
        'worker/client.crt',
        'worker/client.key',
        'README.txt',
      ],
    },
    {
      name: 'cassandra PKCS#12 with a store password',
      args: [
        '--layout',
        'cassandra',
        '--nodes',
        'nodes.txt',
        '--clients',
        'cqlsh',
        '--cassandra-format',
        'pkcs12',
        '--store-password-file',
        'store-pass',
      ],
      want: [
        'ca.pem',
        'node-1/keystore.p12',
        'node-1/truststore.p12',
        'node-2/keystore.p12',
        'node-2/truststore.p12',
        'cqlsh/cqlsh/client.crt',
        'cqlsh/cqlsh/client.key',
        'cqlsh/cqlsh/ca.pem',
        'README.txt',
      ],
    },
  ];
  for (const [i, row] of rows.entries()) {
    it(row.name, () => {
      const out = join(work, `bundle-${i}.zip`);
      const r = certbench([
        'bundle',
        '--ca-dir',
        caDir,
        '--out',
        out,
        ...row.args.map((a) => (a.endsWith('.txt') || a === 'store-pass' ? join(work, a) : a)),
      ]);
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.status).toBe(0);
      const listed = run('python3', [
        '-c',
        'import sys,zipfile\nprint("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
        out,
      ]);
      expect(listed.stdout.trim().split('\n')).toEqual(row.want);
      const unpacked = join(work, `unpacked-${i}`);
      expect(run('python3', ['-m', 'zipfile', '-e', out, unpacked]).status).toBe(0);
      for (const cert of row.want.filter((p) => p.endsWith('.crt') && !p.startsWith('ca'))) {
        const ca = join(unpacked, row.want[0] ?? '');
        const v = run('openssl', ['verify', '-x509_strict', '-CAfile', ca, join(unpacked, cert)]);
        expect(v.stdout.trim(), v.stderr).toBe(`${join(unpacked, cert)}: OK`);
      }
    });
  }

  const refusals: { name: string; args: string[]; wantStatus: number; wantError: RegExp }[] = [
    {
      name: 'Ed25519 for Cassandra PEM, before any key is made',
      args: ['--layout', 'cassandra', '--alg', 'ed25519', '--ca-dir', '@ca', '--nodes', '@nodes'],
      wantStatus: 1,
      wantError: /alg: .*RSA and EC keys only/,
    },
    {
      name: 'a missing CA folder',
      args: ['--layout', 'generic', '--ca-dir', '@missing', '--clients', 'app'],
      wantStatus: 1,
      wantError: /ca-dir: Cannot read/,
    },
    {
      name: 'PKCS#12 without a store password',
      args: ['--layout', 'cassandra', '--cassandra-format', 'pkcs12', '--ca-dir', '@ca', '--nodes', '@nodes'],
      wantStatus: 1,
      wantError: /storePassword: PKCS#12 keystores need a password/,
    },
    {
      name: 'an unknown layout',
      args: ['--layout', 'nginx', '--ca-dir', '@ca', '--clients', 'app'],
      wantStatus: 1,
      wantError: /Unknown layout "nginx"/,
    },
    {
      name: 'neither nodes nor clients',
      args: ['--layout', 'generic', '--ca-dir', '@ca'],
      wantStatus: 2,
      wantError: /--nodes NODES.txt, --clients NAME…, or both/,
    },
  ];
  it('cassandra PKCS#12 with --store-password-env: keytool opens both stores with the password from the environment', () => {
    const out = join(work, 'store-env.zip');
    const args = ['bundle', '--target', 'cassandra', '--cassandra-format', 'pkcs12', '--ca-dir', caDir];
    process.env.CERTBENCH_TEST_STORE_PASSWORD = 'env-store-2';
    try {
      const r = certbench([
        ...args,
        '--nodes',
        join(work, 'nodes.txt'),
        '--out',
        out,
        '--store-password-env',
        'CERTBENCH_TEST_STORE_PASSWORD',
      ]);
      expect(r.status, r.stderr).toBe(0);
    } finally {
      delete process.env.CERTBENCH_TEST_STORE_PASSWORD;
    }
    const dir = join(work, 'store-env');
    expect(run('python3', ['-m', 'zipfile', '-e', out, dir]).status).toBe(0);
    const [keystore, truststore] = judgeCassandraStores(dir, ['node-1'], 'env-store-2');
    expect([keystore?.listStatus, keystore?.keyOpensStatus, truststore?.listStatus], keystore?.output).toEqual([
      0, 0, 0,
    ]);
    expect([keystore?.wrongPasswordStatus, truststore?.wrongPasswordStatus]).not.toContain(0);
    // An unset variable is refused before anything is issued, naming it.
    const unset = certbench([
      ...args,
      '--nodes',
      join(work, 'nodes.txt'),
      '--out',
      join(work, 'unset.zip'),
      '--store-password-env',
      'CERTBENCH_UNSET_VAR',
    ]);
    expect(unset.status, unset.stderr).toBe(2);
    expect(unset.stderr).toMatch(/the environment variable CERTBENCH_UNSET_VAR is not set or empty/);
    expect(existsSync(join(work, 'unset.zip'))).toBe(false);
  });

  it('casty bundle from the core issuer: node and client handshake under Python strict ssl and Node tls', async () => {
    const out = join(work, 'handshake.zip');
    const r = certbench([
      'bundle',
      '--layout',
      'casty',
      '--ca-dir',
      caDir,
      '--nodes',
      join(work, 'nodes.txt'),
      '--clients',
      'app',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const dir = join(work, 'handshake');
    expect(run('python3', ['-m', 'zipfile', '-e', out, dir]).status).toBe(0);
    const read = (p: string) => readFileSync(join(dir, p), 'utf8');
    const server = { certPem: read('node-1/node.crt'), keyPem: read('node-1/node.key'), caPem: read('ca.crt') };
    const client = { certPem: read('app/client.crt'), keyPem: read('app/client.key'), caPem: read('ca.crt') };
    for (const serverName of ['localhost', '127.0.0.1']) {
      const py = await pythonSslHandshake({ server, client, serverName });
      expect(py, serverName).toMatchObject({ ok: true, peerCommonName: 'app' });
      const node = await nodeTlsHandshake({ server, client, serverName });
      expect(node, serverName).toMatchObject({ ok: true, peerCommonName: 'app' });
    }
    // node-2 was issued for 10.0.0.2 and node-2.internal only: dialling it as localhost must fail.
    const wrong = await pythonSslHandshake({
      server: { ...server, certPem: read('node-2/node.crt'), keyPem: read('node-2/node.key') },
      client,
      serverName: 'localhost',
    });
    expect(wrong.ok).toBe(false);
  });

  for (const [i, row] of refusals.entries()) {
    it(`refuses ${row.name}, writing nothing`, () => {
      const out = join(work, `refused-${i}.zip`);
      const args = row.args.map((a) =>
        a === '@ca'
          ? caDir
          : a === '@nodes'
            ? join(work, 'nodes.txt')
            : a === '@missing'
              ? join(work, 'no-such-ca')
              : a,
      );
      const r = certbench(['bundle', '--out', out, ...args]);
      expect(r.status).toBe(row.wantStatus);
      expect(r.stderr).toMatch(row.wantError);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('certbench snippet', () => {
  it('--list names every target in registry order', () => {
    const r = certbench(['snippet', '--list']);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(SNIPPETS.map((s) => s.id));
  });

  it('prints scylla.yaml for the nodes of a node list, with the host and root asked for', () => {
    const r = certbench([
      'snippet',
      'scylla-yaml',
      '--nodes',
      join(work, 'nodes.txt'),
      '--node',
      'node-2',
      '--root',
      '/srv/certs',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const doc = parse(r.stdout) as { server_encryption_options: Record<string, unknown> };
    expect(doc.server_encryption_options.certificate).toBe('/srv/certs/node-2/scylla.crt');
    expect(doc.server_encryption_options.require_client_auth).toBe(true);
  });

  it('uses the host given for client snippets', () => {
    const r = certbench([
      'snippet',
      'node-tls-client',
      '--layout',
      'generic',
      '--host',
      'db.example.com',
      '--port',
      '9443',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("host: 'db.example.com'");
    expect(r.stdout).toContain('port: 9443');
  });

  it('refuses an unknown target and lists the known ones', () => {
    const r = certbench(['snippet', 'nginx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Unknown snippet "nginx"; choose one of node-tls-server/);
  });
});
