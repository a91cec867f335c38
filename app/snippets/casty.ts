/**
 * casty: a cluster node and a ClusterClient over always-mutual TLS, for the two casty APIs there are.
 * - casty >= 0.21: `from casty import ClusterClient, ClusteredActorSystem, tls` and
 *   `tls.Config.from_paths(certfile=, keyfile=, cafile=)`. (casty.sharding and casty.tls exist only up to
 *   0.15.1, whose ClusterClient takes no tls; the seed guide shows those stale imports.)
 * - casty 2: `casty.start(listen, seeds=, tls=casty.TLS(...))` on a node, `casty.connect(seeds, tls=)` from
 *   a client; casty.TLS(cert, key, ca, require_client_cert=True) makes both sides present certificates.
 * Facts pinned to casty's sources in source-facts.test.ts.
 */
import { py } from './quote.ts';
import type { Snippet, SnippetContext, SnippetFiles, SnippetNode } from './types.ts';

export const CASTY_PORT = 25520;
/** The port casty 2's examples listen on. */
export const CASTY_V2_PORT = 7001;
/** The first casty release with the API the python-casty snippet prints. */
export const CASTY_MIN_VERSION = '0.21';

function address(n: SnippetNode): string {
  return n.ips[0] ?? n.dns[0] ?? n.name;
}

function hostPortText(n: SnippetNode, port: number): string {
  const host = address(n);
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function fromPaths(f: SnippetFiles): string {
  return `tls.Config.from_paths(certfile=${py(f.cert)}, keyfile=${py(f.key)}, cafile=${py(f.ca)})`;
}

export const castySnippet: Snippet = {
  id: 'python-casty',
  label: `Python: casty ≥ ${CASTY_MIN_VERSION} cluster node and ClusterClient`,
  language: 'python',
  filename: 'cluster.py',
  layouts: ['casty'],
  render(ctx: SnippetContext) {
    const port = ctx.port ?? CASTY_PORT;
    const seeds = ctx.nodes.filter((x) => x.name !== ctx.node.name).map((x) => `(${py(address(x))}, ${port})`);
    return [
      `# certbench: casty >= ${CASTY_MIN_VERSION} over mutual TLS for cluster ${JSON.stringify(ctx.cluster)} (pip install "casty>=${CASTY_MIN_VERSION}").`,
      "# Casty TLS is always mutual: every connection presents a certificate and verifies the peer's against the CA,",
      '# and the address dialled must be a SAN of the peer. Config.from_paths takes no key password, so the key',
      '# files are unencrypted: keep them chmod 600. (casty <= 0.15.1 had casty.sharding and casty.tls, and its',
      '# ClusterClient no tls: this file does not run there.)',
      'from casty import ClusterClient, ClusteredActorSystem, tls',
      '',
      '',
      `async def run_node() -> None:  # on ${ctx.node.name}`,
      '    async with ClusteredActorSystem(',
      `        name=${py(ctx.cluster)},`,
      `        host=${py(address(ctx.node))},`,
      `        port=${port},`,
      `        node_id=${py(ctx.node.name)},`,
      `        seed_nodes=[${seeds.join(', ')}],`,
      `        tls=${fromPaths(ctx.node.files)},`,
      '    ) as system:',
      '        ...  # gossip, heartbeats, sharding and replication all travel over TLS',
      '',
      '',
      `async def run_client() -> None:  # ${ctx.client.name}: presents its own certificate; the nodes require one`,
      '    async with ClusterClient(',
      `        contact_points=[(${py(address(ctx.node))}, ${port})],`,
      `        system_name=${py(ctx.cluster)},`,
      `        tls=${fromPaths(ctx.client.files)},`,
      '    ) as client:',
      '        ...',
      '',
    ].join('\n');
  },
};

function castyTls(f: SnippetFiles): string[] {
  return [
    '        tls=casty.TLS(',
    `            cert=${py(f.cert)},`,
    `            key=${py(f.key)},`,
    `            ca=${py(f.ca)},  # peers are verified against this CA, in both roles`,
    '            require_client_cert=True,  # mutual: whoever connects must present a certificate from this CA',
    '        ),',
  ];
}

export const castyV2Snippet: Snippet = {
  id: 'python-casty-v2',
  label: 'Python: casty 2 node (casty.start) and client (casty.connect)',
  language: 'python',
  filename: 'cluster_v2.py',
  layouts: ['casty'],
  render(ctx: SnippetContext) {
    const port = ctx.port ?? CASTY_V2_PORT;
    const seeds = ctx.nodes.filter((x) => x.name !== ctx.node.name).map((x) => py(hostPortText(x, port)));
    return [
      `# certbench: casty 2 over mutual TLS for cluster ${JSON.stringify(ctx.cluster)}: ${ctx.node.name} runs a node,`,
      `# ${JSON.stringify(ctx.client.commonName)} connects as a client with its own certificate. TLS is cluster-wide: a node with TLS`,
      '# refuses plaintext peers. The key files are unencrypted: keep them chmod 600.',
      'import casty',
      '',
      '',
      `async def run_node() -> None:  # on ${ctx.node.name}`,
      '    node = await casty.start(',
      `        ${py(hostPortText(ctx.node, port))},`,
      `        seeds=[${seeds.join(', ')}],`,
      ...castyTls(ctx.node.files),
      '    )',
      '    ...  # serve until shutdown',
      '    await node.close()',
      '',
      '',
      `async def run_client() -> None:  # ${ctx.client.name}`,
      '    client = await casty.connect(',
      `        [${py(hostPortText(ctx.node, port))}],`,
      ...castyTls(ctx.client.files),
      '    )',
      '    ...',
      '    await client.close()',
      '',
    ].join('\n');
  },
};
