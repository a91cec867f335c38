/** Bundles built with the core's own writers, judged by openssl (s_server/s_client, pkcs12, pkey) and keytool. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildBundle } from './build-bundle.ts';
import type { Bundle, LayoutId } from './types.ts';
import { opensslBundle, writeBundleFiles } from './testing/openssl-bundle.ts';
import { startServer } from './testing/processes.ts';
import { run } from '../test/judges/tools.ts';

let bundle: Bundle; // root-issued, RSA node key
let chained: Bundle; // issued by an intermediate under the root
beforeAll(() => {
  bundle = opensslBundle({
    nodes: [{ name: 'node-1', dns: ['localhost'], ips: ['127.0.0.1'], key: 'rsa2048' }],
  }).bundle;
  chained = opensslBundle({ intermediate: true }).bundle;
});

describe('openssl s_client against openssl s_server with the bundle files', () => {
  const rows: {
    name: string;
    layout: LayoutId;
    chain?: boolean;
    server: { cert: string; key: string; ca: string };
    client: { cert: string; key: string; ca: string };
  }[] = [
    {
      name: 'scylla node files and cqlsh client files',
      layout: 'scylla',
      server: { cert: 'node-1/scylla.crt', key: 'node-1/scylla.key', ca: 'node-1/ca.pem' },
      client: { cert: 'cqlsh/app/client.crt', key: 'cqlsh/app/client.key', ca: 'cqlsh/app/ca.pem' },
    },
    {
      name: 'cassandra keystore.pem (key and chain in one file)',
      layout: 'cassandra',
      server: { cert: 'node-1/keystore.pem', key: 'node-1/keystore.pem', ca: 'node-1/ca.pem' },
      client: { cert: 'cqlsh/app/client.crt', key: 'cqlsh/app/client.key', ca: 'cqlsh/app/ca.pem' },
    },
    {
      name: 'generic files',
      layout: 'generic',
      server: { cert: 'node-1.fullchain.pem', key: 'node-1.key', ca: 'ca.crt' },
      client: { cert: 'app.crt', key: 'app.key', ca: 'ca.crt' },
    },
    {
      name: 'generic files under an intermediate CA',
      layout: 'generic',
      chain: true,
      server: { cert: 'node-1.fullchain.pem', key: 'node-1.key', ca: 'ca.crt' },
      client: { cert: 'app.fullchain.pem', key: 'app.key', ca: 'ca.crt' },
    },
    {
      name: 'scylla files under an intermediate CA',
      layout: 'scylla',
      chain: true,
      server: { cert: 'node-1/scylla.crt', key: 'node-1/scylla.key', ca: 'node-1/ca.pem' },
      client: { cert: 'cqlsh/app/client.crt', key: 'cqlsh/app/client.key', ca: 'cqlsh/app/ca.pem' },
    },
    {
      name: 'cassandra keystore.pem under an intermediate CA',
      layout: 'cassandra',
      chain: true,
      server: { cert: 'node-1/keystore.pem', key: 'node-1/keystore.pem', ca: 'node-1/ca.pem' },
      client: { cert: 'cqlsh/app/client.crt', key: 'cqlsh/app/client.key', ca: 'cqlsh/app/ca.pem' },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const root = writeBundleFiles(
        (await buildBundle({ bundle: row.chain ? chained : bundle, layout: row.layout })).files,
      );
      const at = (p: string) => join(root, p);
      // Port 0: s_server binds a port the OS picks and prints it ("ACCEPT 127.0.0.1:41234"), so no
      // other process can take the port between choosing it and listening on it.
      const server = await startServer(
        'openssl',
        [
          's_server',
          '-accept',
          '127.0.0.1:0',
          '-naccept',
          '1',
          '-cert',
          at(row.server.cert),
          '-key',
          at(row.server.key),
          '-CAfile',
          at(row.server.ca),
          '-Verify',
          '1',
          '-verify_return_error',
          '-rev',
        ],
        /ACCEPT \S+:\d+\r?\n/,
      );
      const port = /ACCEPT \S+:(\d+)/.exec(server.output())?.[1];
      if (!port) throw new Error(`no port in the s_server output: ${server.output()}`);
      const client = run(
        'openssl',
        [
          's_client',
          '-connect',
          `127.0.0.1:${port}`,
          '-servername',
          'localhost',
          '-verify_hostname',
          'localhost',
          '-cert',
          at(row.client.cert),
          '-key',
          at(row.client.key),
          '-CAfile',
          at(row.client.ca),
          '-verify_return_error',
        ],
        { input: 'ping\n', timeoutMs: 15_000 },
      );
      await server.stop();
      expect(client.stdout).toContain('Verification: OK');
      expect(client.stdout).toContain('Verify return code: 0 (ok)');
      expect(server.output()).toMatch(/verify return:1/);
      expect(server.output()).toMatch(/CN ?= ?app/); // the server saw the client certificate
    });
  }
});

describe('Cassandra PKCS#12 with the core writers', () => {
  it('keytool lists a PrivateKeyEntry and a trustedCertEntry; openssl opens both stores', async () => {
    const password = 'store-pass-1';
    const built = await buildBundle({
      bundle,
      layout: 'cassandra',
      options: { cassandraFormat: 'pkcs12', storePassword: password },
    });
    const root = writeBundleFiles(built.files);
    const keystore = run('keytool', [
      '-list',
      '-storetype',
      'PKCS12',
      '-keystore',
      join(root, 'node-1/keystore.p12'),
      '-storepass',
      password,
    ]);
    expect(keystore.status, keystore.stderr).toBe(0);
    expect(keystore.stdout).toMatch(/node-1, .*PrivateKeyEntry/);
    const truststore = run('keytool', [
      '-list',
      '-storetype',
      'PKCS12',
      '-keystore',
      join(root, 'node-1/truststore.p12'),
      '-storepass',
      password,
    ]);
    expect(truststore.status, truststore.stderr).toBe(0);
    expect(truststore.stdout).toMatch(/trustedCertEntry/);
    for (const store of ['node-1/keystore.p12', 'node-1/truststore.p12']) {
      const info = run('openssl', [
        'pkcs12',
        '-info',
        '-noout',
        '-in',
        join(root, store),
        '-passin',
        `pass:${password}`,
      ]);
      expect(info.status, info.stderr).toBe(0);
    }
    expect(built.warnings).toEqual([]);
  });

  it('warns that Java cannot open stores under a non-ASCII password', async () => {
    const built = await buildBundle({
      bundle,
      layout: 'cassandra',
      options: { cassandraFormat: 'pkcs12', storePassword: 'pässwort' },
    });
    expect(built.warnings.join(' ')).toMatch(/Java 17/);
  });
});

describe('encrypted keys from the core writer', () => {
  it('openssl decrypts them with the passphrase and refuses a wrong one', async () => {
    const built = await buildBundle({ bundle, layout: 'generic', options: { keyPassphrase: 'pässphrase' } });
    const key = built.files.find((f) => f.path === 'node-1.key')?.contents as string;
    expect(key).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(run('openssl', ['pkey', '-noout', '-passin', 'pass:pässphrase'], { input: key }).status).toBe(0);
    expect(run('openssl', ['pkey', '-noout', '-passin', 'pass:wrong'], { input: key }).status).not.toBe(0);
  });
});

describe("README.txt's check commands run and pass", () => {
  const rows: { name: string; layout: LayoutId; chain: boolean; wantVerified: number }[] = [
    { name: 'scylla', layout: 'scylla', chain: false, wantVerified: 2 },
    { name: 'casty under an intermediate CA', layout: 'casty', chain: true, wantVerified: 2 },
    { name: 'crank under an intermediate CA', layout: 'crank', chain: true, wantVerified: 2 },
    { name: 'cassandra PEM under an intermediate CA', layout: 'cassandra', chain: true, wantVerified: 2 },
    { name: 'generic', layout: 'generic', chain: false, wantVerified: 2 },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const built = await buildBundle({ bundle: row.chain ? chained : bundle, layout: row.layout });
      const root = writeBundleFiles(built.files);
      const readme = built.files.find((f) => f.path === 'README.txt')?.contents as string;
      const verifies = readme
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('openssl verify '));
      expect(verifies.length).toBe(row.wantVerified);
      for (const line of verifies) {
        const r = run('sh', ['-c', line], { cwd: root });
        expect(r.status, `${line}\n${r.stderr}`).toBe(0);
        expect(r.stdout.trim()).toMatch(/: OK$/);
      }
    });
  }
});

describe('trust and chain files under an intermediate CA', () => {
  it('ca.crt holds the intermediate and the root once each; fullchain holds leaf then intermediate', async () => {
    const built = await buildBundle({ bundle: chained, layout: 'generic' });
    const text = (p: string) => built.files.find((f) => f.path === p)?.contents as string;
    const subjects = (pem: string) =>
      run('sh', ['-c', 'while openssl x509 -noout -subject 2>/dev/null; do :; done'], { input: pem })
        .stdout.trim()
        .split('\n');
    expect(subjects(text('ca.crt'))).toEqual(['subject=CN = Fixture Intermediate CA', 'subject=CN = Fixture CA']);
    expect(subjects(text('node-1.fullchain.pem'))).toEqual([
      'subject=CN = localhost',
      'subject=CN = Fixture Intermediate CA',
    ]);
    expect(subjects(text('node-1.crt'))).toEqual(['subject=CN = localhost']);
  });
});
