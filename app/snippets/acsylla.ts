/**
 * acsylla (through coodie's async API): TLS settings are keyword arguments holding PEM strings,
 * not paths, and the verify flags live in acsylla.SSLVerifyFlags (not CassSSLVerifyFlags).
 */
import { driverHosts } from './python-driver.ts';
import { isIpLiteral, py } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const acsyllaSnippet: Snippet = {
  id: 'python-acsylla',
  label: 'Python: acsylla via coodie (PEM strings)',
  language: 'python',
  filename: 'db_acsylla.py',
  layouts: ['scylla', 'cassandra', 'generic'],
  render(ctx: SnippetContext) {
    const f = ctx.client.files;
    const byIp = ctx.nodes.every((n) => n.ips.length > 0);
    // PEER_IDENTITY matches the address dialled against IP SANs; PEER_IDENTITY_DNS resolves and matches DNS SANs.
    const flag = byIp ? 'PEER_IDENTITY' : 'PEER_IDENTITY_DNS';
    const firstHost = ctx.nodes[0]?.ips[0] ?? ctx.host;
    return [
      `# certbench: acsylla as ${JSON.stringify(ctx.client.commonName)} with mutual TLS. acsylla takes the PEM text itself, not file paths.`,
      'import asyncio',
      ...(ctx.clientKeyPasswordEnv ? ['import os'] : []),
      '',
      'import acsylla',
      'from coodie.aio import init_coodie',
      '',
      '',
      'def read(path: str) -> str:',
      '    with open(path, encoding="ascii") as f:',
      '        return f.read()',
      '',
      '',
      'async def main() -> None:',
      '    await init_coodie(',
      `        hosts=${driverHosts(ctx.nodes)},`,
      '        keyspace="my_ks",',
      '        driver_type="acsylla",',
      '        ssl_enabled=True,',
      `        ssl_trusted_cert=read(${py(f.ca)}),`,
      `        ssl_cert=read(${py(f.cert)}),`,
      `        ssl_private_key=read(${py(f.key)}),`,
      ...(ctx.clientKeyPasswordEnv ? [`        ssl_private_key_password=os.environ[${py(ctx.clientKeyPasswordEnv)}],`] : []),
      `        # ${isIpLiteral(firstHost) ? 'nodes are dialled by IP: check the IP SANs' : 'nodes are dialled by name: check the DNS SANs'}`,
      `        ssl_verify_flags=acsylla.SSLVerifyFlags.${flag},`,
      '    )',
      '',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
  },
};
