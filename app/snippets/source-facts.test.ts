/**
 * Snippets for systems that do not install here (acsylla and the ScyllaDB C++ driver, ScyllaDB,
 * casty, hs_py) pinned to facts read in their sources. Each fact carries its file (repository@commit)
 * and line; a snippet that drifts from them fails here. The models below restate those lines, no more.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { layoutById } from '../layouts/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import type { BundleOutline } from '../layouts/types.ts';
import { snippetContext } from './context.ts';
import { snippetById } from './index.ts';
import { scyllaRoleForCn } from './scylla-role.ts';

function render(id: string, outline: BundleOutline, layout: LayoutId): string {
  return snippetById(id).render(snippetContext(outline, layoutById(layout)));
}

const node = (name: string, dns: string[], ips: string[]) => ({ name, dns, ips });
const outline = (
  nodes: BundleOutline['nodes'],
  clients: BundleOutline['clients'] = [{ name: 'app', commonName: 'app' }],
): BundleOutline => ({ cluster: 'c', nodes, clients });

describe('acsylla: the verify flags always include the chain check', () => {
  /**
   * acsylla.SSLVerifyFlags as acsylla binds them:
   *   acsylla/acsylla@2cb4a14 acsylla/_cython/constants.pyx:25-29
   *     PEER_CERT = CASS_SSL_VERIFY_PEER_CERT; PEER_IDENTITY = CASS_SSL_VERIFY_PEER_CERT (sic);
   *     PEER_IDENTITY_DNS = CASS_SSL_VERIFY_PEER_IDENTITY_DNS
   * and the driver's values (enum CassSslVerifyFlags_ in the driver's include/cassandra.h):
   *   NONE 0x00, PEER_CERT 0x01, PEER_IDENTITY 0x02, PEER_IDENTITY_DNS 0x04.
   */
  const ACSYLLA = { NONE: 0x00, PEER_CERT: 0x01, PEER_IDENTITY: 0x01, PEER_IDENTITY_DNS: 0x04 } as const;

  /**
   * What the C++ driver under acsylla checks for a flags value. ScyllaDB's cpp-driver is a fork of
   * the DataStax/Apache driver; apache/cassandra-cpp-driver@daa6693 src/ssl/ssl_openssl_impl.cpp:
   *   :542      the context is created with SSL_VERIFY_NONE (OpenSSL itself rejects nothing)
   *   :455      verify() returns at once when the flags are 0
   *   :464-465  the chain result (SSL_get_verify_result) is looked at only with CASS_SSL_VERIFY_PEER_CERT
   *   :474      CASS_SSL_VERIFY_PEER_IDENTITY: the dialled IP against the IP SANs (CN when there are none)
   *   :492-494  else CASS_SSL_VERIFY_PEER_IDENTITY_DNS: the resolved host name against the DNS SANs
   */
  function driverChecks(flags: number): { chain: boolean; ip: boolean; dns: boolean } {
    return { chain: (flags & 0x01) !== 0, ip: (flags & 0x02) !== 0, dns: (flags & 0x02) === 0 && (flags & 0x04) !== 0 };
  }

  /** The value of the printed `ssl_verify_flags=` expression: acsylla names and numbers joined by `|`. */
  function printedFlags(text: string): number {
    const expr = /ssl_verify_flags=([^,\n]+),/.exec(text)?.[1];
    if (!expr) throw new Error('no ssl_verify_flags in the snippet');
    return expr
      .split('|')
      .map((t) => t.trim())
      .reduce((acc, term) => {
        const name = /^acsylla\.SSLVerifyFlags\.(\w+)$/.exec(term)?.[1];
        if (name) {
          if (!(name in ACSYLLA)) throw new Error(`acsylla has no SSLVerifyFlags.${name}`);
          return acc | ACSYLLA[name as keyof typeof ACSYLLA];
        }
        if (/^0x[0-9a-f]+$|^\d+$/i.test(term)) return acc | Number(term);
        throw new Error(`unexpected term in ssl_verify_flags: ${term}`);
      }, 0);
  }

  const rows: {
    name: string;
    nodes: BundleOutline['nodes'];
    want: { chain: boolean; ip: boolean; dns: boolean };
    resolution: boolean;
  }[] = [
    {
      name: 'nodes with IP SANs: chain and dialled IP (bug: PEER_IDENTITY was PEER_CERT, the IP went unchecked)',
      nodes: [node('n1', ['n1.db'], ['10.0.0.1']), node('n2', ['n2.db'], ['10.0.0.2'])],
      want: { chain: true, ip: true, dns: false },
      resolution: false,
    },
    {
      name: 'nodes named by DNS only: chain and name (bug: PEER_IDENTITY_DNS alone switched the chain check off)',
      nodes: [node('n1', ['n1.db'], []), node('n2', ['n2.db'], [])],
      want: { chain: true, ip: false, dns: true },
      resolution: true,
    },
    {
      name: 'one node without an IP SAN: names, through reverse DNS',
      nodes: [node('n1', ['n1.db'], ['10.0.0.1']), node('n2', ['n2.db'], [])],
      want: { chain: true, ip: false, dns: true },
      resolution: true,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const text = render('python-acsylla', outline(row.nodes), 'scylla');
      expect(driverChecks(printedFlags(text))).toEqual(row.want);
      // acsylla/acsylla@025e107 acsylla/_cython/cluster/cluster.pyx set_ssl(): hostname resolution is turned on only
      // when verify_flags == CASS_SSL_VERIFY_PEER_IDENTITY_DNS exactly, so PEER_CERT | PEER_IDENTITY_DNS needs it said.
      expect(text.includes('hostname_resolution=True'), 'hostname_resolution').toBe(row.resolution);
    });
  }

  it('the model agrees with the driver on the flag values themselves', () => {
    expect(driverChecks(ACSYLLA.PEER_IDENTITY_DNS)).toEqual({ chain: false, ip: false, dns: true }); // what the snippet printed before
    expect(driverChecks(ACSYLLA.PEER_IDENTITY)).toEqual({ chain: true, ip: false, dns: false }); // acsylla's PEER_IDENTITY is PEER_CERT
  });

  it('the UI is told when names depend on reverse DNS', () => {
    const ctx = snippetContext(outline([node('n1', ['n1.db'], [])]), layoutById('scylla'));
    expect(snippetById('python-acsylla').caution?.(ctx)).toMatch(/reverse DNS/);
    expect(
      snippetById('python-acsylla').caution?.(
        snippetContext(outline([node('n1', [], ['10.0.0.1'])]), layoutById('scylla')),
      ),
    ).toBeUndefined();
  });
});

describe('ScyllaDB: the role the snippet creates is the role the query yields', () => {
  /**
   * scylladb/scylladb@0394614 auth/certificate_authenticator.cc
   *   :64       the query must have exactly one group
   *   :150-151  boost::regex_search over the subject text; group 1 is the role name
   * The default query is CN=([^,]+) (scylladb/scylladb@001581c db/config.cc, the auth_certificate_role_queries
   * default). The subject is RFC 4514 text (GnuTLS/OpenSSL print it so): a comma in a value is escaped "\,".
   */
  const rows: { name: string; cns: string[]; roles: string[]; caution: boolean }[] = [
    { name: 'a plain CN is its own role', cns: ['app'], roles: ['app'], caution: false },
    {
      name: 'a CN with a space keeps it (bug: CN=([^,\\s]+) made "data loader" role "data")',
      cns: ['data loader'],
      roles: ['data loader'],
      caution: false,
    },
    {
      name: 'a Unicode CN is its own role',
      cns: ['Müller Dienst', '東京-app'],
      roles: ['Müller Dienst', '東京-app'],
      caution: false,
    },
    {
      name: 'a CN with a comma is cut at it, and the UI is told',
      cns: ['Smith, John'],
      roles: ['Smith\\'],
      caution: true,
    },
    {
      name: 'two CNs that cut to one role are named together',
      cns: ['ops, eu', 'ops, us'],
      roles: ['ops\\'],
      caution: true,
    },
    { name: 'a quote in a role name is a doubled quote in CQL', cns: ["o'brien"], roles: ["o''brien"], caution: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const o = outline(
        [node('n1', ['n1.db'], ['10.0.0.1'])],
        row.cns.map((cn, i) => ({ name: `c${i}`, commonName: cn })),
      );
      const text = render('scylla-certificate-authenticator', o, 'scylla');
      const query = String(
        (parse(text) as { auth_certificate_role_queries: { query: string }[] }).auth_certificate_role_queries[0]?.query,
      );
      expect(query).toBe('CN=([^,]+)');
      const created = [...text.matchAll(/CREATE ROLE IF NOT EXISTS '((?:[^']|'')*)' WITH LOGIN/g)].map((m) => m[1]);
      expect(created).toEqual(row.roles);
      for (const cn of row.cns) {
        // The role ScyllaDB derives from the subject text "CN=<value>,O=…", with the snippet's own query.
        const subject = `CN=${cn.replace(/[,+"\\<>;]/g, (c) => `\\${c}`)},O=Acme`;
        const role = new RegExp(query).exec(subject)?.[1] ?? null;
        expect(created, cn).toContain(role?.replace(/'/g, "''"));
        expect(scyllaRoleForCn(cn)).toBe(role);
      }
      const caution = snippetById('scylla-certificate-authenticator').caution?.(
        snippetContext(o, layoutById('scylla')),
      );
      expect(caution !== undefined, caution).toBe(row.caution);
      expect(text.includes('# WARNING:')).toBe(row.caution);
    });
  }
});

describe('casty: the imports and calls exist in the casty the snippet names', () => {
  /**
   * casty >= 0.21: the package exports ClusterClient, ClusteredActorSystem and the tls module
   *   (gabfssilva/casty@bfdefea examples/14_tls_cluster/main.py:35 `from casty import ..., tls`);
   *   gabfssilva/casty@bfdefea src/casty/remote/tls.py:39-45 from_paths(cls, *, certfile, cafile, keyfile=None),
   *   :72 the server side requires client certificates (CERT_REQUIRED), :75 the client side is
   *   PROTOCOL_TLS_CLIENT (host name checked). casty.sharding / casty.tls are <= 0.15.1 only.
   * casty 2: gabfssilva/casty@d3fe4fb docs/specs/01-transport.md §6 (TLS) and §API:
   *   casty.TLS(cert, key, ca=None, require_client_cert=True); casty.start(listen, seeds=, tls=);
   *   casty.connect(seeds, tls=).
   */
  const o = outline([node('node-1', ['node-1.local'], ['10.0.0.1']), node('node-2', ['node-2.local'], ['10.0.0.2'])]);
  const rows: { name: string; id: string; want: RegExp[]; never: RegExp[] }[] = [
    {
      name: 'casty >= 0.21: package imports, tls.Config.from_paths with keywords, tls on the node and on the ClusterClient',
      id: 'python-casty',
      want: [
        /^from casty import ClusterClient, ClusteredActorSystem, tls$/m,
        /casty >= 0\.21/,
        /tls=tls\.Config\.from_paths\(certfile="certs\/node-1\/node\.crt", keyfile="certs\/node-1\/node\.key", cafile="certs\/ca\.crt"\)/,
        /ClusterClient\([\s\S]*tls=tls\.Config\.from_paths\(certfile="certs\/app\//,
      ],
      never: [/^from casty\.(sharding|tls) import/m, /^import casty\.(sharding|tls)/m],
    },
    {
      name: 'casty 2: casty.start on the node and casty.connect from the client, each with its own casty.TLS',
      id: 'python-casty-v2',
      want: [
        /node = await casty\.start\(\n {8}"10\.0\.0\.1:7001",\n {8}seeds=\["10\.0\.0\.2:7001"\],\n {8}tls=casty\.TLS\(/,
        /client = await casty\.connect\(\n {8}\["10\.0\.0\.1:7001"\],\n {8}tls=casty\.TLS\(\n {12}cert="certs\/app\//,
        /require_client_cert=True[\s\S]*require_client_cert=True/,
      ],
      never: [/^from casty\.sharding/m],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const text = render(row.id, o, 'casty');
      for (const re of row.want) expect(text).toMatch(re);
      for (const re of row.never) expect(text).not.toMatch(re);
    });
  }
});

describe('haystack (hs_py): the server really serves with the TLS 1.3 mutual context and logs in by certificate', () => {
  /**
   * jscott3201/hs-py@c8f1da7 src/hs_py/ws_server.py
   *   :58, :76-78, :81  WebSocketServer(ops, *, tls=, host=, port=, cert_auth=)
   *   :124, :129        start() serves with build_server_ssl_context(tls)
   *   :195-197, :208-210 with cert_auth, the peer certificate's CN must be authorized, else the connection ends
   * jscott3201/hs-py@c8f1da7 src/hs_py/tls.py
   *   :93, :102-103     build_server_ssl_context: minimum_version TLSv1_3, verify_mode CERT_REQUIRED
   *   :74, :84          build_client_ssl_context: minimum_version TLSv1_3
   * jscott3201/hs-py@8080f19 src/hs_py/auth_types.py
   *   :45-48            the Authenticator protocol (create_fastapi_app's) is scram_credentials()
   *   :85, :95, :102    CertAuthenticator(allowed_cns) has authorize(peercert) and no scram_credentials
   */
  const text = render(
    'python-haystack',
    outline([node('hs-1', ['hs-1.local'], ['10.0.0.1'])], [{ name: 'dev', commonName: 'device-01' }]),
    'haystack',
  );
  const rows: { name: string; want: RegExp }[] = [
    {
      name: 'imports what hs_py exports',
      want: /^from hs_py import HaystackOps, TLSConfig, WebSocketClient, WebSocketServer$/m,
    },
    {
      name: 'the server takes the TLS config and the CN allow-list',
      want: /WebSocketServer\(\n {8}HaystackOps\(\),.*\n {8}tls=server_tls,\n {8}cert_auth=CertAuthenticator\(allowed_cns=\{"device-01"\}\),/,
    },
    { name: 'the server is started (bug: server_ctx was built and never served)', want: /await server\.start\(\)/ },
    {
      name: 'the client presents its certificate over wss',
      want: /WebSocketClient\("wss:\/\/hs-1\.local:8443\/api\/ws", tls=client_tls\)/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(text).toMatch(row.want);
    });
  }
  it('never hands CertAuthenticator to create_fastapi_app, nor points to a uvicorn command', () => {
    expect(text).not.toMatch(/^\s*[^#\s].*create_fastapi_app/m);
    expect(text).not.toMatch(/^\s*[^#\s].*uvicorn/m);
  });
});

describe('docker-compose: the keys are readable by the user each image runs as, and the config is mounted', () => {
  /**
   * scylladb/scylla runs scylla as root (uid 0):
   *   scylladb/scylladb@9387aa0 dist/common/supervisor/scylla-server.sh:14 `execsudo .../scylla ...`
   *   scylladb/scylladb@6ece48a dist/common/supervisor/scylla_util.sh:13-19 execsudo runs `sudo -u scylla` only
   *     when SCYLLA-NONROOT-FILE exists, else execs as is; dist/docker/debian/build_docker.sh@01a4f1d sets no
   *     USER and creates SCYLLA-CONTAINER-FILE, not SCYLLA-NONROOT-FILE.
   *   scylladb/scylladb@0974ef8 dist/docker/scyllasetup.py:50 only reads /etc/scylla/scylla.yaml (addresses and
   *     seeds go to /etc/scylla.d/docker.conf as arguments), so it can be mounted read-only.
   * cassandra runs as user cassandra, uid 999:
   *   docker-library/cassandra@01dffce 5.0/Dockerfile:12 `useradd -r -g cassandra --uid=999 cassandra`
   *   docker-library/cassandra@0e270a9 docker-entrypoint.sh:14 `exec gosu cassandra ...`; its _sed-in-place of
   *     cassandra.yaml (seeds, addresses) writes the file, so it cannot be mounted read-only.
   */
  const rows: { name: string; layout: LayoutId; uid: number | null; config: string | null }[] = [
    {
      name: 'scylla: root reads the keys as unpacked; scylla.yaml mounted read-only',
      layout: 'scylla',
      uid: null,
      config: './scylla.yaml:/etc/scylla/scylla.yaml:ro',
    },
    {
      name: 'cassandra: the keys handed to uid 999; cassandra.yaml mounted writable',
      layout: 'cassandra',
      uid: 999,
      config: './cassandra.yaml:/etc/cassandra/cassandra.yaml',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const text = render('docker-compose', outline([node('node-1', ['n1.db'], ['10.0.0.1'])]), row.layout);
      const owner = /sudo chown -R (\d+):\1 \.\/certs/.exec(text)?.[1];
      expect(owner === undefined ? null : Number(owner)).toBe(row.uid);
      const volumes =
        (parse(text) as { services: Record<string, { volumes: string[] }> }).services['node-1']?.volumes ?? [];
      expect(volumes[1]).toBe(row.config);
    });
  }
});
