import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { SNIPPETS, snippetById, snippetsFor } from './index.ts';
import { PLACEHOLDER_OUTLINE, snippetContext, type SnippetContextOptions } from './context.ts';
import { layoutById } from '../layouts/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import { run } from '../test/judges/tools.ts';

const GOLDEN = join(import.meta.dirname, '__golden__');

/** Golden rows: each snippet under the layout it is made for, plus variants with encrypted keys. */
const goldenRows: { name: string; snippet: string; layout: LayoutId; options?: SnippetContextOptions }[] = [
  ...SNIPPETS.map((s) => ({
    name: s.id,
    snippet: s.id,
    layout: s.layouts === 'any' ? ('generic' as const) : s.layouts[0]!,
  })),
  {
    name: 'node-tls-server.encrypted',
    snippet: 'node-tls-server',
    layout: 'generic',
    options: { layoutOptions: { keyPassphrase: 'unused' } },
  },
  {
    name: 'python-haystack.encrypted',
    snippet: 'python-haystack',
    layout: 'haystack',
    options: { layoutOptions: { keyPassphrase: 'unused' } },
  },
  {
    name: 'cassandra-yaml-pkcs12.pkcs12',
    snippet: 'cassandra-yaml-pkcs12',
    layout: 'cassandra',
    options: { layoutOptions: { cassandraFormat: 'pkcs12', storePassword: 'unused' } },
  },
  { name: 'scylla-yaml.crl', snippet: 'scylla-yaml', layout: 'scylla', options: { crl: '/etc/scylla/certs/crl.pem' } },
  { name: 'check-commands.scylla-ip', snippet: 'check-commands', layout: 'scylla', options: { host: '10.0.0.1' } },
  { name: 'kubernetes-secret.kubernetes', snippet: 'kubernetes-secret', layout: 'kubernetes' },
  { name: 'docker-compose.crank', snippet: 'docker-compose', layout: 'crank' },
  { name: 'docker-compose.scylla', snippet: 'docker-compose', layout: 'scylla' },
  { name: 'docker-compose.cassandra', snippet: 'docker-compose', layout: 'cassandra' },
];

function render(id: string, layout: LayoutId, options: SnippetContextOptions = {}): string {
  return snippetById(id).render(snippetContext(PLACEHOLDER_OUTLINE, layoutById(layout), options));
}

describe('snippets: golden text', () => {
  for (const row of goldenRows) {
    it(row.name, () => {
      const text = render(row.snippet, row.layout, row.options);
      const file = join(GOLDEN, `${row.name}.txt`);
      // UPDATE_GOLDEN=1 rewrites the files; review the diff before committing.
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('never prints the passphrase, only where it comes from', () => {
    for (const s of SNIPPETS) {
      const text = s.render(
        snippetContext(PLACEHOLDER_OUTLINE, layoutById('generic'), {
          layoutOptions: { keyPassphrase: 'S3cret-passphrase', storePassword: 'St0re-pw' },
        }),
      );
      expect(text, s.id).not.toContain('S3cret-passphrase');
      expect(text, s.id).not.toContain('St0re-pw');
    }
  });

  it('orders the snippets made for a layout first', () => {
    expect(
      snippetsFor('scylla')
        .slice(0, 3)
        .map((s) => s.id),
    ).toEqual(['scylla-yaml', 'scylla-certificate-authenticator', 'cqlshrc']);
    expect(snippetsFor('casty')[0]?.id).toBe('python-casty');
  });
});

type Yaml = Record<string, unknown>;
const at = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Yaml)[k] : undefined), doc);

const yamlRows: {
  name: string;
  snippet: string;
  layout: LayoutId;
  options?: SnippetContextOptions;
  want: Record<string, unknown>;
}[] = [
  {
    name: 'scylla.yaml: node-to-node and client TLS, both requiring client certificates',
    snippet: 'scylla-yaml',
    layout: 'scylla',
    want: {
      'server_encryption_options.internode_encryption': 'all',
      'server_encryption_options.certificate': '/etc/scylla/certs/node-1/scylla.crt',
      'server_encryption_options.keyfile': '/etc/scylla/certs/node-1/scylla.key',
      'server_encryption_options.truststore': '/etc/scylla/certs/node-1/ca.pem',
      'server_encryption_options.require_client_auth': true,
      'client_encryption_options.enabled': true,
      'client_encryption_options.certificate': '/etc/scylla/certs/node-1/scylla.crt',
      'client_encryption_options.truststore': '/etc/scylla/certs/node-1/ca.pem',
      'client_encryption_options.require_client_auth': true,
      native_transport_port_ssl: undefined, // it would leave 9042 open in plaintext
    },
  },
  {
    name: 'scylla.yaml: a chosen port moves the one TLS CQL port, never adds a plaintext one',
    snippet: 'scylla-yaml',
    layout: 'scylla',
    options: { port: 9142 },
    want: {
      native_transport_port: 9142,
      native_transport_port_ssl: undefined,
      'client_encryption_options.enabled': true,
    },
  },
  {
    name: 'scylla.yaml: the CRL key spelled as ScyllaDB spells it',
    snippet: 'scylla-yaml',
    layout: 'scylla',
    options: { crl: '/etc/scylla/crl.pem' },
    want: {
      'server_encryption_options.certficate_revocation_list': '/etc/scylla/crl.pem',
      'client_encryption_options.certficate_revocation_list': '/etc/scylla/crl.pem',
    },
  },
  {
    name: 'scylla.yaml: CertificateAuthenticator with a CN query',
    snippet: 'scylla-certificate-authenticator',
    layout: 'scylla',
    want: {
      authenticator: 'com.scylladb.auth.CertificateAuthenticator',
      'auth_certificate_role_queries.0.source': 'SUBJECT',
      'auth_certificate_role_queries.0.query': 'CN=([^,]+)',
    },
  },
  {
    name: 'cassandra.yaml PEM: PEMBasedSslContextFactory with key-and-chain keystore',
    snippet: 'cassandra-yaml-pem',
    layout: 'cassandra',
    want: {
      'server_encryption_options.internode_encryption': 'all',
      'server_encryption_options.ssl_context_factory.class_name':
        'org.apache.cassandra.security.PEMBasedSslContextFactory',
      'server_encryption_options.keystore': '/etc/cassandra/certs/node-1/keystore.pem',
      'server_encryption_options.truststore': '/etc/cassandra/certs/node-1/ca.pem',
      'server_encryption_options.require_client_auth': true,
      'client_encryption_options.enabled': true,
      'client_encryption_options.ssl_context_factory.class_name':
        'org.apache.cassandra.security.PEMBasedSslContextFactory',
      'client_encryption_options.keystore': '/etc/cassandra/certs/node-1/keystore.pem',
      'client_encryption_options.keystore_password': undefined,
    },
  },
  {
    name: 'cassandra.yaml PEM never asks for a key password, even when a passphrase was set',
    snippet: 'cassandra-yaml-pem',
    layout: 'cassandra',
    options: { layoutOptions: { keyPassphrase: 'x' } },
    want: {
      'server_encryption_options.keystore_password': undefined,
      'client_encryption_options.keystore_password': undefined,
    },
  },
  {
    name: 'cassandra.yaml PKCS#12: keystore and truststore',
    snippet: 'cassandra-yaml-pkcs12',
    layout: 'cassandra',
    options: { layoutOptions: { cassandraFormat: 'pkcs12', storePassword: 'x' } },
    want: {
      'server_encryption_options.keystore': '/etc/cassandra/certs/node-1/keystore.p12',
      'server_encryption_options.truststore': '/etc/cassandra/certs/node-1/truststore.p12',
      'server_encryption_options.store_type': 'PKCS12',
      'server_encryption_options.keystore_password': '<store password>',
      'client_encryption_options.enabled': true,
      'client_encryption_options.require_client_auth': true,
    },
  },
  {
    name: 'docker-compose: the bundle mounted read-only where the paths point',
    snippet: 'docker-compose',
    layout: 'scylla',
    want: {
      'services.node-1.image': 'scylladb/scylla',
      'services.node-1.volumes.0': './certs:/etc/scylla/certs:ro',
      'services.node-1.volumes.1': './scylla.yaml:/etc/scylla/scylla.yaml:ro',
    },
  },
  {
    name: 'docker-compose: cassandra.yaml mounted writable (the entrypoint edits it), the bundle read-only',
    snippet: 'docker-compose',
    layout: 'cassandra',
    want: {
      'services.node-1.image': 'cassandra:5',
      'services.node-1.volumes.0': './certs:/etc/cassandra/certs:ro',
      'services.node-1.volumes.1': './cassandra.yaml:/etc/cassandra/cassandra.yaml',
    },
  },
];

describe('snippets: YAML parses and has the keys', () => {
  for (const row of yamlRows) {
    it(row.name, () => {
      const doc = parse(render(row.snippet, row.layout, row.options)) as unknown;
      for (const [path, want] of Object.entries(row.want)) expect(at(doc, path), path).toEqual(want);
    });
  }

  it('the CertificateAuthenticator query picks the CN out of a subject', () => {
    const doc = parse(render('scylla-certificate-authenticator', 'scylla')) as unknown;
    const query = new RegExp(String(at(doc, 'auth_certificate_role_queries.0.query')));
    expect(query.exec('O=Acme,CN=app,OU=db')?.[1]).toBe('app');
  });

  it('kubernetes: a kubernetes.io/tls Secret with stringData, and a Pod mounting it', () => {
    const docs = parseAllDocuments(render('kubernetes-secret', 'generic')).map((d) => d.toJS() as unknown);
    expect(docs.map((d) => at(d, 'kind'))).toEqual(['Secret', 'Pod']);
    expect(at(docs[0], 'type')).toBe('kubernetes.io/tls');
    expect(Object.keys(at(docs[0], 'stringData') as Yaml)).toEqual(['tls.crt', 'tls.key', 'ca.crt']);
    expect(at(docs[1], 'spec.volumes.0.secret.secretName')).toBe(at(docs[0], 'metadata.name'));
  });

  const storeRows: { name: string; options: SnippetContextOptions; store: string }[] = [
    { name: 'PEM key-and-chain', options: {}, store: 'keystore.pem' },
    {
      name: 'PKCS#12 keystore',
      options: { layoutOptions: { cassandraFormat: 'pkcs12', storePassword: 'x' } },
      store: 'keystore.p12',
    },
  ];
  for (const row of storeRows) {
    it(`kubernetes: a Cassandra ${row.name} is never pasted as tls.crt or tls.key (bug: keystore.pem became tls.crt)`, () => {
      const text = render('kubernetes-secret', 'cassandra', row.options);
      const secret = parseAllDocuments(text)[0]?.toJS() as unknown;
      const data = at(secret, 'stringData') as Yaml;
      expect(String(data['tls.crt'])).not.toContain(row.store);
      expect(String(data['tls.key'])).not.toContain(row.store);
      expect(text).not.toMatch(new RegExp(`--from-file=tls\\.(crt|key)=\\S*${row.store.replace('.', '\\.')}`));
    });
  }

  it('docker-compose: the Kubernetes bundle (Secret manifests) is not mounted as certificate files', () => {
    const text = render('docker-compose', 'kubernetes');
    expect(text).not.toContain('volumes:');
    expect(text).toContain('kubectl apply');
  });
});

describe('snippets: code parses in its own language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-snippets-'));
  mkdirSync(dir, { recursive: true });
  const byLanguage = (language: string) => SNIPPETS.filter((s) => s.language === language);
  for (const s of byLanguage('python')) {
    it(`${s.id} compiles with python3`, () => {
      const file = join(dir, `${s.id.replace(/-/g, '_')}.py`);
      writeFileSync(
        file,
        s.render(snippetContext(PLACEHOLDER_OUTLINE, layoutById('generic'), { layoutOptions: { keyPassphrase: 'x' } })),
      );
      const r = run('python3', ['-m', 'py_compile', file]);
      expect(r.status, r.stderr).toBe(0);
    });
  }
  for (const s of byLanguage('javascript')) {
    it(`${s.id} passes node --check`, () => {
      const file = join(dir, `${s.id}.mjs`);
      writeFileSync(file, s.render(snippetContext(PLACEHOLDER_OUTLINE, layoutById('generic'))));
      const r = run(process.execPath, ['--check', file]);
      expect(r.status, r.stderr).toBe(0);
    });
  }
  for (const s of byLanguage('shell')) {
    it(`${s.id} passes sh -n`, () => {
      const r = run('sh', ['-n'], { input: s.render(snippetContext(PLACEHOLDER_OUTLINE, layoutById('generic'))) });
      expect(r.status, r.stderr).toBe(0);
    });
  }
  it('cqlshrc reads with configparser and has the [ssl] keys', () => {
    const file = join(dir, 'cqlshrc');
    writeFileSync(file, render('cqlshrc', 'scylla'));
    const r = run('python3', [
      '-c',
      'import configparser,json,sys\nc=configparser.ConfigParser()\nc.read(sys.argv[1])\nprint(json.dumps({s: dict(c[s]) for s in c.sections()}))',
      file,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const ini = JSON.parse(r.stdout) as Record<string, Record<string, string>>;
    expect(ini.ssl).toEqual({
      certfile: '/etc/scylla/certs/cqlsh/app/ca.pem',
      validate: 'true',
      userkey: '/etc/scylla/certs/cqlsh/app/client.key',
      usercert: '/etc/scylla/certs/cqlsh/app/client.crt',
    });
    expect(ini.connection).toEqual({ hostname: 'node-1.example.internal', port: '9042' });
  });
});

describe('snippets: what an endpoint presents', () => {
  const rows: { name: string; layout: LayoutId; want: string }[] = [
    {
      name: 'generic: the fullchain, not the bare leaf (bug: peers trusting only the root could not build the chain)',
      layout: 'generic',
      want: 'certs/node-1.fullchain.pem',
    },
    {
      name: 'scylla: scylla.crt, which already holds the chain',
      layout: 'scylla',
      want: '/etc/scylla/certs/node-1/scylla.crt',
    },
    { name: 'casty: node.crt, which already holds the chain', layout: 'casty', want: 'certs/node-1/node.crt' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(snippetContext(PLACEHOLDER_OUTLINE, layoutById(row.layout)).node.files.cert).toBe(row.want);
    });
  }
});

describe('snippets: the Python driver context checks host names only where the driver can', () => {
  const node = (name: string, ips: string[]) => ({ name, dns: [`${name}.example.internal`], ips });
  const rows: { name: string; nodes: { name: string; dns: string[]; ips: string[] }[]; want: string }[] = [
    {
      name: 'every node has an IP SAN: the dialled IP is checked',
      nodes: [node('n1', ['10.0.0.1']), node('n2', ['10.0.0.2'])],
      want: 'ssl_context.check_hostname = True',
    },
    {
      name: 'a node without an IP SAN: peers are dialled by IP, so only the chain is checked',
      nodes: [node('n1', ['10.0.0.1']), node('n2', [])],
      want: 'ssl_context.check_hostname = False',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const ctx = snippetContext(
        { cluster: 'c', nodes: row.nodes, clients: [{ name: 'app', commonName: 'app' }] },
        layoutById('scylla'),
      );
      for (const id of ['python-coodie-sync', 'python-coodie-async'])
        expect(snippetById(id).render(ctx), id).toContain(row.want);
    });
  }
});

describe('snippets: a placeholder never changes where the bundle put the files', () => {
  const oneWorker = { cluster: 'c', nodes: [{ name: 'w1', dns: ['w1.local'], ips: [] }], clients: [] };
  const rows: { name: string; layout: LayoutId; want: string }[] = [
    {
      name: 'crank, one worker: its CERT_DIR is the bundle root (bug: the placeholder client made it w1/)',
      layout: 'crank',
      want: '/etc/certs/client.crt',
    },
    { name: 'haystack, one server: files side by side', layout: 'haystack', want: 'certs/server.pem' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(snippetContext(oneWorker, layoutById(row.layout)).node.files.cert).toBe(row.want);
    });
  }
});

describe('snippets: names from the UI cannot break out of a line', () => {
  it('control characters in names and hosts become spaces', () => {
    const outline = {
      cluster: 'c\nrm -rf /',
      nodes: [{ name: 'n\r\n1', dns: ['h\nx'], ips: [] }],
      clients: [{ name: 'a', commonName: 'a\u2028b' }],
    };
    for (const s of SNIPPETS) {
      const text = s.render(snippetContext(outline, layoutById('generic')));
      expect(text, s.id).not.toMatch(/^rm -rf/m);
      expect(text, s.id).not.toMatch(/\r|\u2028/);
      expect(text, s.id).not.toMatch(/^1\b/m);
    }
  });
});
