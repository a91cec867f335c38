/** casty: Config.from_paths for ClusteredActorSystem and ClusterClient (always mutual TLS), and casty v2's casty.TLS. */
import { py } from './quote.ts';
import type { Snippet, SnippetContext, SnippetNode } from './types.ts';

export const CASTY_PORT = 25520;

function address(n: SnippetNode): string {
  return n.ips[0] ?? n.dns[0] ?? n.name;
}

export const castySnippet: Snippet = {
  id: 'python-casty',
  label: 'Python: casty cluster node and ClusterClient',
  language: 'python',
  filename: 'cluster.py',
  layouts: ['casty'],
  render(ctx: SnippetContext) {
    const port = ctx.port ?? CASTY_PORT;
    const n = ctx.node.files;
    const c = ctx.client.files;
    const seeds = ctx.nodes.filter((x) => x.name !== ctx.node.name).map((x) => `(${py(address(x))}, ${port})`);
    return [
      `# certbench: casty over mutual TLS for cluster ${JSON.stringify(ctx.cluster)}. Casty TLS is always mutual:`,
      '# each node presents its certificate and requires one from every peer. Config.from_paths takes no key',
      '# password, so the key files are unencrypted: keep them chmod 600.',
      'from casty import ClusterClient',
      'from casty.sharding import ClusteredActorSystem',
      'from casty.tls import Config',
      '',
      '',
      `async def run_node() -> None:  # on ${ctx.node.name}`,
      `    tls = Config.from_paths(certfile=${py(n.cert)}, keyfile=${py(n.key)}, cafile=${py(n.ca)})`,
      '    async with ClusteredActorSystem(',
      `        name=${py(ctx.cluster)},`,
      `        host=${py(address(ctx.node))},`,
      `        port=${port},`,
      `        node_id=${py(ctx.node.name)},`,
      `        seed_nodes=[${seeds.join(', ')}],`,
      '        tls=tls,',
      '    ) as system:',
      '        ...  # gossip, heartbeats, sharding and replication all travel over TLS',
      '',
      '',
      `async def run_client() -> None:  # ${ctx.client.name}: only the client side of the Config is used`,
      `    tls = Config.from_paths(certfile=${py(c.cert)}, keyfile=${py(c.key)}, cafile=${py(c.ca)})`,
      '    async with ClusterClient(',
      `        contact_points=[(${py(address(ctx.node))}, ${port})],`,
      `        system_name=${py(ctx.cluster)},`,
      '        tls=tls,',
      '    ) as client:',
      '        ...',
      '',
    ].join('\n');
  },
};

export const castyV2Snippet: Snippet = {
  id: 'python-casty-v2',
  label: 'Python: casty v2 (casty.TLS)',
  language: 'python',
  filename: 'cluster_v2.py',
  layouts: ['casty'],
  render(ctx: SnippetContext) {
    const n = ctx.node.files;
    return [
      `# certbench: casty v2 TLS settings for ${ctx.node.name}; pass tls=tls where your casty v2 system is created.`,
      'import casty',
      '',
      'tls = casty.TLS(',
      `    cert=${py(n.cert)},`,
      `    key=${py(n.key)},`,
      `    ca=${py(n.ca)},`,
      '    require_client_cert=True,  # peers must present a certificate from this CA',
      ')',
      '',
    ].join('\n');
  },
};
