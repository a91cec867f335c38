/**
 * acsylla (through coodie's async API): TLS settings are keyword arguments holding PEM strings,
 * not paths, and the verify flags are acsylla.SSLVerifyFlags values handed to the ScyllaDB C++
 * driver as they are.
 *
 * What the flags mean is the driver's, not acsylla's (facts pinned in source-facts.test.ts):
 * - the driver's OpenSSL context is created with SSL_VERIFY_NONE; only the PEER_CERT flag makes it
 *   check the server's chain. PEER_IDENTITY or PEER_IDENTITY_DNS alone check a name on a certificate
 *   anybody could have made, so every flag value printed here includes PEER_CERT;
 * - acsylla's SSLVerifyFlags.PEER_IDENTITY is bound to the driver's PEER_CERT, not its PEER_IDENTITY
 *   (0x02, the IP check), so the IP check is written as the driver's number;
 * - acsylla turns on hostname resolution (reverse DNS) only when the flags equal PEER_IDENTITY_DNS,
 *   so the DNS check asks for it explicitly.
 */
import { driverHosts } from './python-driver.ts';
import { py } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

/** CASS_SSL_VERIFY_PEER_IDENTITY in the driver's cassandra.h: match the dialled IP against the IP SANs. */
export const CASS_SSL_VERIFY_PEER_IDENTITY = 0x02;

/** Nodes are dialled by IP when every node has one; then the IP SANs are checked, else the DNS SANs. */
function dialledByIp(ctx: SnippetContext): boolean {
  return ctx.nodes.every((n) => n.ips.length > 0);
}

function verifyLines(ctx: SnippetContext): string[] {
  if (dialledByIp(ctx)) {
    return [
      "        # PEER_CERT: the node's chain must lead to ssl_trusted_cert. 0x02 is the driver's PEER_IDENTITY: the IP",
      "        # dialled must be an IP SAN of the node's certificate. (acsylla.SSLVerifyFlags.PEER_IDENTITY is PEER_CERT",
      "        # under another name, so the IP check is written as the driver's number.)",
      `        ssl_verify_flags=acsylla.SSLVerifyFlags.PEER_CERT | 0x0${CASS_SSL_VERIFY_PEER_IDENTITY},`,
    ];
  }
  return [
    "        # PEER_CERT: the node's chain must lead to ssl_trusted_cert. PEER_IDENTITY_DNS: the name the node's IP",
    '        # resolves to (reverse DNS, hence hostname_resolution) must be a DNS SAN of its certificate. Not every',
    "        # node has an IP SAN, so the names are checked: each node's IP needs a PTR record naming a DNS SAN.",
    '        ssl_verify_flags=acsylla.SSLVerifyFlags.PEER_CERT | acsylla.SSLVerifyFlags.PEER_IDENTITY_DNS,',
    '        hostname_resolution=True,',
  ];
}

/** Where the snippet cannot check everything by itself: said in the snippet and beside it in the UI. */
export function acsyllaCaution(ctx: SnippetContext): string | undefined {
  if (dialledByIp(ctx)) return undefined;
  return "Not every node certificate has an IP SAN, so acsylla checks node names through reverse DNS: each node's IP needs a PTR record that names a DNS SAN of its certificate, or the connection fails. The chain is checked either way.";
}

export const acsyllaSnippet: Snippet = {
  id: 'python-acsylla',
  label: 'Python: acsylla via coodie (PEM strings)',
  language: 'python',
  filename: 'db_acsylla.py',
  layouts: ['scylla', 'cassandra', 'generic'],
  caution: acsyllaCaution,
  render(ctx: SnippetContext) {
    const f = ctx.client.files;
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
      ...(ctx.port !== undefined ? [`        port=${ctx.port},`] : []),
      '        ssl_enabled=True,',
      `        ssl_trusted_cert=read(${py(f.ca)}),`,
      `        ssl_cert=read(${py(f.cert)}),`,
      `        ssl_private_key=read(${py(f.key)}),`,
      ...(ctx.clientKeyPasswordEnv
        ? [`        ssl_private_key_password=os.environ[${py(ctx.clientKeyPasswordEnv)}],`]
        : []),
      ...verifyLines(ctx),
      '    )',
      '',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
  },
};
