/** scylla-driver / cassandra-driver through coodie: one ssl.SSLContext with the client certificate, sync and async. */
import { py } from './quote.ts';
import type { Snippet, SnippetContext, SnippetNode } from './types.ts';

/** The hosts a driver dials: each node's first IP SAN, else its first DNS SAN. */
export function driverHosts(nodes: SnippetNode[]): string {
  return `[${nodes.map((n) => py(n.ips[0] ?? n.dns[0] ?? n.name)).join(', ')}]`;
}

/**
 * With check_hostname on, the driver (cassandra-driver 3.25+, scylla-driver) passes the address it dials
 * as the server name: the contact points and the peers it discovers, which it dials by IP. That holds
 * only when every node certificate has an IP SAN; otherwise the chain alone is checked, as in coodie's guide.
 */
function hostnameCheck(nodes: SnippetNode[]): string[] {
  if (nodes.every((n) => n.ips.length > 0)) {
    return [
      '# The driver checks the address it dials (contact points, and peers by IP) against the IP SANs.',
      'ssl_context.check_hostname = True',
    ];
  }
  return [
    '# Not every node certificate has an IP SAN, and the driver checks the address it dials (peers by IP),',
    '# so host names are not checked here; the chain is still verified against the cluster CA below.',
    'ssl_context.check_hostname = False',
  ];
}

/** The client context every Python driver snippet shares (seed: coodie's "Mutual TLS" recipe, plus strict X.509). */
export function driverSslContext(ctx: SnippetContext): string[] {
  const f = ctx.client.files;
  return [
    'ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)',
    'ssl_context.verify_flags |= ssl.VERIFY_X509_STRICT  # as Python 3.13 does by default',
    ...hostnameCheck(ctx.nodes),
    'ssl_context.verify_mode = ssl.CERT_REQUIRED',
    `ssl_context.load_verify_locations(${py(f.ca)})`,
    'ssl_context.load_cert_chain(',
    `    certfile=${py(f.cert)},`,
    `    keyfile=${py(f.key)},`,
    ...(ctx.clientKeyPasswordEnv
      ? [`    password=os.environ[${py(ctx.clientKeyPasswordEnv)}],  # the key is encrypted PKCS#8`]
      : []),
    ')',
  ];
}

function imports(ctx: SnippetContext, module: string): string[] {
  return [...(ctx.clientKeyPasswordEnv ? ['import os'] : []), 'import ssl', '', `from ${module} import init_coodie`];
}

export const pythonDriverSync: Snippet = {
  id: 'python-coodie-sync',
  label: 'Python: scylla-driver / cassandra-driver via coodie (sync)',
  language: 'python',
  filename: 'db.py',
  layouts: ['scylla', 'cassandra', 'generic'],
  render(ctx: SnippetContext) {
    return [
      `# certbench: connect to ${JSON.stringify(ctx.cluster)} as ${JSON.stringify(ctx.client.commonName)} with mutual TLS (scylla-driver or cassandra-driver).`,
      ...imports(ctx, 'coodie.sync'),
      '',
      ...driverSslContext(ctx),
      '',
      'init_coodie(',
      `    hosts=${driverHosts(ctx.nodes)},`,
      '    keyspace="my_ks",',
      ...(ctx.port !== undefined ? [`    port=${ctx.port},`] : []),
      '    ssl_context=ssl_context,',
      ')',
      '',
    ].join('\n');
  },
};

export const pythonDriverAsync: Snippet = {
  id: 'python-coodie-async',
  label: 'Python: scylla-driver / cassandra-driver via coodie (async)',
  language: 'python',
  filename: 'db_async.py',
  layouts: ['scylla', 'cassandra', 'generic'],
  render(ctx: SnippetContext) {
    return [
      `# certbench: the async API takes the same ssl_context (${JSON.stringify(ctx.client.commonName)}, mutual TLS).`,
      'import asyncio',
      ...imports(ctx, 'coodie.aio'),
      '',
      ...driverSslContext(ctx),
      '',
      '',
      'async def main() -> None:',
      '    await init_coodie(',
      `        hosts=${driverHosts(ctx.nodes)},`,
      '        keyspace="my_ks",',
      ...(ctx.port !== undefined ? [`        port=${ctx.port},`] : []),
      '        ssl_context=ssl_context,',
      '    )',
      '',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
  },
};
