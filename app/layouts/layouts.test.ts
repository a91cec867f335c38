import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildBundle } from './build-bundle.ts';
import { zipBundle } from './zip.ts';
import { LAYOUTS } from './index.ts';
import type { Bundle, LayoutId, LayoutOptions } from './types.ts';
import { opensslBundle, opensslFormats } from './testing/openssl-bundle.ts';
import { run } from '../test/judges/tools.ts';

const formats = opensslFormats();
let two: Bundle; // two nodes, one client
let one: Bundle; // one node, one client

beforeAll(() => {
  two = opensslBundle({
    nodes: [
      { name: 'node-1', dns: ['node-1.internal'], ips: ['10.0.0.1'] },
      { name: 'node-2', dns: ['node-2.internal'], ips: ['10.0.0.2'] },
    ],
    clients: [{ name: 'app', commonName: 'app' }],
  }).bundle;
  one = opensslBundle().bundle;
});

const rows: { name: string; layout: LayoutId; bundle: () => Bundle; options?: LayoutOptions; want: string[] }[] = [
  {
    name: 'casty as casty cert writes it',
    layout: 'casty',
    bundle: () => two,
    want: [
      'ca.crt',
      'node-1/node.crt',
      'node-1/node.key',
      'node-2/node.crt',
      'node-2/node.key',
      'app/client.crt',
      'app/client.key',
    ],
  },
  {
    name: 'haystack flat for one server and one client',
    layout: 'haystack',
    bundle: () => one,
    want: ['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key'],
  },
  {
    name: 'haystack in folders for several servers',
    layout: 'haystack',
    bundle: () => two,
    want: [
      'ca.pem',
      'node-1/server.pem',
      'node-1/server.key',
      'node-2/server.pem',
      'node-2/server.key',
      'app/client.pem',
      'app/client.key',
    ],
  },
  {
    name: 'crank: one CERT_DIR per worker, without keys (they stay on the workers)',
    layout: 'crank',
    bundle: () => two,
    want: [
      'ca.crt',
      'node-1/client.crt',
      'node-1/ca.crt',
      'node-2/client.crt',
      'node-2/ca.crt',
      'app/client.crt',
      'app/ca.crt',
    ],
  },
  {
    name: 'scylla per node plus a cqlsh folder',
    layout: 'scylla',
    bundle: () => two,
    want: [
      'ca.pem',
      'node-1/scylla.crt',
      'node-1/scylla.key',
      'node-1/ca.pem',
      'node-2/scylla.crt',
      'node-2/scylla.key',
      'node-2/ca.pem',
      'cqlsh/app/client.crt',
      'cqlsh/app/client.key',
      'cqlsh/app/ca.pem',
    ],
  },
  {
    name: 'cassandra PEM key-and-chain',
    layout: 'cassandra',
    bundle: () => one,
    want: [
      'ca.pem',
      'node-1/keystore.pem',
      'node-1/ca.pem',
      'cqlsh/app/client.crt',
      'cqlsh/app/client.key',
      'cqlsh/app/ca.pem',
    ],
  },
  {
    name: 'cassandra PKCS#12',
    layout: 'cassandra',
    bundle: () => one,
    options: { cassandraFormat: 'pkcs12', storePassword: 'störe-pass' },
    want: [
      'ca.pem',
      'node-1/keystore.p12',
      'node-1/truststore.p12',
      'cqlsh/app/client.crt',
      'cqlsh/app/client.key',
      'cqlsh/app/ca.pem',
    ],
  },
  {
    name: 'kubernetes one Secret each',
    layout: 'kubernetes',
    bundle: () => two,
    want: ['node-1-tls.yaml', 'node-2-tls.yaml', 'app-tls.yaml'],
  },
  {
    name: 'generic flat names',
    layout: 'generic',
    bundle: () => one,
    want: ['ca.crt', 'node-1.crt', 'node-1.key', 'node-1.fullchain.pem', 'app.crt', 'app.key', 'app.fullchain.pem'],
  },
];

describe('layouts: files, zip listing, determinism', () => {
  it('covers every registered layout', () => {
    expect(new Set(rows.map((r) => r.layout))).toEqual(new Set(LAYOUTS.map((l) => l.id)));
  });

  for (const row of rows) {
    it(row.name, async () => {
      const built = await buildBundle({ bundle: row.bundle(), layout: row.layout, options: row.options, formats });
      const want = [...row.want, 'README.txt'];
      expect(built.files.map((f) => f.path)).toEqual(want);
      const zip = zipBundle(built.files);
      const again = zipBundle(
        (await buildBundle({ bundle: row.bundle(), layout: row.layout, options: row.options, formats })).files,
      );
      if (!row.options?.cassandraFormat) expect(Buffer.from(again).equals(Buffer.from(zip))).toBe(true); // openssl's p12 salts are random
      const dir = mkdtempSync(join(tmpdir(), 'certbench-zip-'));
      writeFileSync(join(dir, 'b.zip'), zip);
      const listed = run('python3', [
        '-c',
        'import sys,zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, oct(i.external_attr >> 16), i.date_time[0])',
        join(dir, 'b.zip'),
      ]);
      expect(listed.status, listed.stderr).toBe(0);
      const zipfileList = run('python3', ['-m', 'zipfile', '-l', join(dir, 'b.zip')]); // the command a user would run
      expect(
        zipfileList.stdout
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(/\s+/)[0]),
      ).toEqual(want);
      const lines = listed.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' '));
      expect(lines.map((l) => l[0])).toEqual(want);
      for (const [name, mode, year] of lines) {
        const secret = built.files.find((f) => f.path === name)?.secret;
        expect(mode, name).toBe(secret ? '0o100600' : '0o100644');
        expect(year).toBe('2000');
      }
    });
  }

  it('zip bytes change when one certificate changes (the determinism check can fail)', async () => {
    const a = zipBundle((await buildBundle({ bundle: one, layout: 'generic' })).files);
    const b = zipBundle((await buildBundle({ bundle: two, layout: 'generic' })).files);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('README.txt names every file and the check commands', async () => {
    const built = await buildBundle({ bundle: two, layout: 'scylla' });
    const readme = built.files.find((f) => f.path === 'README.txt')?.contents as string;
    for (const f of built.files.slice(0, -1)) expect(readme).toContain(f.path);
    expect(readme).toContain(
      'openssl verify -x509_strict -CAfile node-1/ca.pem -untrusted node-1/scylla.crt node-1/scylla.crt',
    );
    expect(readme).toContain('-verify_return_error');
  });
});

describe('layouts: private keys', () => {
  const rowsKeys: {
    name: string;
    layout: LayoutId;
    options: LayoutOptions;
    wantEncrypted: string[];
    wantPlaintext: boolean;
    wantWarning: boolean;
  }[] = [
    {
      name: 'generic encrypts every key with a passphrase',
      layout: 'generic',
      options: { keyPassphrase: 'pässphrase' },
      wantEncrypted: ['node-1.key', 'app.key'],
      wantPlaintext: false,
      wantWarning: false,
    },
    {
      name: 'generic without a passphrase is plaintext',
      layout: 'generic',
      options: {},
      wantEncrypted: [],
      wantPlaintext: true,
      wantWarning: false,
    },
    {
      name: 'casty cannot read encrypted keys: plaintext and a warning',
      layout: 'casty',
      options: { keyPassphrase: 'pw' },
      wantEncrypted: [],
      wantPlaintext: true,
      wantWarning: true,
    },
    {
      name: 'cassandra PEM keeps keys plaintext (Java 17 cannot decrypt PBES2) and says so',
      layout: 'cassandra',
      options: { keyPassphrase: 'pw' },
      wantEncrypted: [],
      wantPlaintext: true,
      wantWarning: true,
    },
    {
      name: 'haystack encrypts server and client keys',
      layout: 'haystack',
      options: { keyPassphrase: 'pw' },
      wantEncrypted: ['server.key', 'client.key'],
      wantPlaintext: false,
      wantWarning: false,
    },
    {
      name: 'kubernetes Secrets always hold plaintext keys',
      layout: 'kubernetes',
      options: {},
      wantEncrypted: [],
      wantPlaintext: true,
      wantWarning: false,
    },
  ];
  for (const row of rowsKeys) {
    it(row.name, async () => {
      const built = await buildBundle({ bundle: one, layout: row.layout, options: row.options, formats });
      const encrypted = built.files
        .filter((f) => typeof f.contents === 'string' && f.contents.includes('BEGIN ENCRYPTED PRIVATE KEY'))
        .map((f) => f.path);
      expect(encrypted).toEqual(row.wantEncrypted);
      expect(built.containsPlaintextKeys).toBe(row.wantPlaintext);
      expect(built.warnings.length > 0).toBe(row.wantWarning);
      for (const path of encrypted) {
        const text = built.files.find((f) => f.path === path)?.contents as string;
        const r = run('openssl', ['pkey', '-noout', '-passin', `pass:${row.options.keyPassphrase ?? ''}`], {
          input: text,
        });
        expect(r.status, r.stderr).toBe(0);
      }
    });
  }

  it('cassandra keystore.pem holds a key that matches its certificate, then the certificate', async () => {
    const built = await buildBundle({ bundle: one, layout: 'cassandra', formats });
    const pem = built.files.find((f) => f.path === 'node-1/keystore.pem')?.contents as string;
    expect(pem.indexOf('PRIVATE KEY-----')).toBeLessThan(pem.indexOf('BEGIN CERTIFICATE'));
    const fromKey = run('openssl', ['pkey', '-pubout'], { input: pem });
    const fromCert = run('openssl', ['x509', '-noout', '-pubkey'], { input: pem });
    expect(fromKey.status).toBe(0);
    expect(fromKey.stdout).toBe(fromCert.stdout);
  });

  it('kubernetes Secret parses as a kubernetes.io/tls Secret with the bundle PEMs', async () => {
    const built = await buildBundle({ bundle: one, layout: 'kubernetes' });
    const doc = parse(built.files[0]?.contents as string) as {
      kind: string;
      type: string;
      metadata: { name: string };
      stringData: Record<string, string>;
    };
    expect(doc.kind).toBe('Secret');
    expect(doc.type).toBe('kubernetes.io/tls');
    expect(doc.metadata.name).toBe('demo-node-1-tls');
    expect(Object.keys(doc.stringData)).toEqual(['tls.crt', 'tls.key', 'ca.crt']);
    expect(doc.stringData['tls.crt']?.trim()).toBe(one.nodes[0]?.certPem.trim());
    expect(doc.stringData['tls.key']?.trim()).toBe(one.nodes[0]?.keyPem.trim());
    expect(doc.stringData['ca.crt']?.trim()).toBe(one.ca.certPem.trim());
  });
});

describe('layouts: Kubernetes names', () => {
  it('a cluster name with spaces and capitals still gives a valid Secret name and label', async () => {
    const built = await buildBundle({ bundle: { ...one, cluster: 'Prod Cluster #1' }, layout: 'kubernetes' });
    const doc = parse(built.files[0]?.contents as string) as {
      metadata: { name: string; labels: Record<string, string> };
    };
    expect(doc.metadata.name).toMatch(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/);
    expect(doc.metadata.name).toBe('prod-cluster-1-node-1-tls');
    expect(doc.metadata.labels['app.kubernetes.io/part-of']).toBe('prod-cluster-1');
  });
});
