/** haystack (hs_py): TLSConfig for server and client, key_password, and CertAuthenticator's CN allow-list. */
import { hostPort, py } from './quote.ts';
import type { Snippet, SnippetContext, SnippetFiles } from './types.ts';

export const HAYSTACK_PORT = 8443;

function tlsConfig(variable: string, files: SnippetFiles, passwordEnv: string | null, comment: string): string[] {
  return [
    `${variable} = TLSConfig(`,
    `    certificate_path=${py(files.cert)},`,
    `    private_key_path=${py(files.key)},`,
    `    ca_certificates_path=${py(files.ca)},  # ${comment}`,
    ...(passwordEnv ? [`    key_password=os.environ[${py(passwordEnv)}].encode(),  # the key is encrypted PKCS#8`] : []),
    ')',
  ];
}

export const haystackSnippet: Snippet = {
  id: 'python-haystack',
  label: 'Python: haystack (hs_py) TLSConfig and CertAuthenticator',
  language: 'python',
  filename: 'haystack_tls.py',
  layouts: ['haystack'],
  render(ctx: SnippetContext) {
    const cns = ctx.clients.map((c) => py(c.commonName)).join(', ');
    const encrypted = ctx.nodeKeyPasswordEnv !== null || ctx.clientKeyPasswordEnv !== null;
    const url = `https://${hostPort(ctx.host, ctx.port ?? HAYSTACK_PORT)}/api`;
    return [
      `# certbench: haystack over mutual TLS: ${ctx.node.name} serves, ${JSON.stringify(ctx.client.commonName)} connects.`,
      ...(encrypted ? ['import os', ''] : []),
      'from hs_py import Client, TLSConfig, build_client_ssl_context, build_server_ssl_context',
      'from hs_py.auth_types import CertAuthenticator',
      '',
      '# Server: a CA path makes the server require and verify client certificates (mTLS).',
      ...tlsConfig('server_tls', ctx.node.files, ctx.nodeKeyPasswordEnv, 'requires client certificates from this CA'),
      'server_ctx = build_server_ssl_context(server_tls)',
      '# Only these client certificate CNs are let in:',
      `auth = CertAuthenticator(allowed_cns={${cns}})`,
      '# app = create_fastapi_app(ops=MyOps(), authenticator=auth)',
      '',
      '# Client: presents its certificate and verifies the server against the CA (TLS 1.3).',
      ...tlsConfig('client_tls', ctx.client.files, ctx.clientKeyPasswordEnv, 'verifies the server'),
      'client_ctx = build_client_ssl_context(client_tls)',
      '',
      '',
      'async def about() -> None:',
      `    async with Client(${py(url)}, "user", "pass", tls=client_tls) as c:`,
      '        print(await c.about())',
      '',
    ].join('\n');
  },
};
