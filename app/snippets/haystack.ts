/**
 * haystack (hs_py): a WebSocketServer that serves with the TLS 1.3 mutual-TLS context and logs clients
 * in by certificate CN, and a WebSocketClient presenting the client certificate.
 *
 * Why this server and not create_fastapi_app + uvicorn: certificate login is WebSocketServer's
 * cert_auth (hs_py ws_server.py), and WebSocketServer.start() serves with build_server_ssl_context
 * (TLS 1.3 minimum, client certificate required). create_fastapi_app's authenticator is a SCRAM
 * authenticator (it calls scram_credentials, which CertAuthenticator lacks), and uvicorn's --ssl-*
 * flags accept TLS 1.2. Facts pinned in source-facts.test.ts.
 */
import { hostPort, py } from './quote.ts';
import type { Snippet, SnippetContext, SnippetFiles } from './types.ts';

export const HAYSTACK_PORT = 8443;

function tlsConfig(variable: string, files: SnippetFiles, passwordEnv: string | null, comment: string): string[] {
  return [
    `${variable} = TLSConfig(`,
    `    certificate_path=${py(files.cert)},`,
    `    private_key_path=${py(files.key)},`,
    `    ca_certificates_path=${py(files.ca)},  # ${comment}`,
    ...(passwordEnv
      ? [`    key_password=os.environ[${py(passwordEnv)}].encode(),  # the key is encrypted PKCS#8`]
      : []),
    ')',
  ];
}

export const haystackSnippet: Snippet = {
  id: 'python-haystack',
  label: 'Python: haystack (hs_py) WebSocketServer with certificate login, and client',
  language: 'python',
  filename: 'haystack_tls.py',
  layouts: ['haystack'],
  render(ctx: SnippetContext) {
    const port = ctx.port ?? HAYSTACK_PORT;
    const cns = ctx.clients.map((c) => py(c.commonName)).join(', ');
    const encrypted = ctx.nodeKeyPasswordEnv !== null || ctx.clientKeyPasswordEnv !== null;
    const url = `wss://${hostPort(ctx.host, port)}/api/ws`;
    return [
      `# certbench: haystack over mutual TLS 1.3: ${ctx.node.name} serves, ${JSON.stringify(ctx.client.commonName)} connects and logs in by certificate.`,
      '# The server uses WebSocketServer: it serves with build_server_ssl_context (TLS 1.3 only, client certificate',
      '# required and verified against the CA) and cert_auth lets in only the listed CNs. Do not pass CertAuthenticator',
      "# to create_fastapi_app(authenticator=...): that takes a SCRAM authenticator, and uvicorn's --ssl-* flags accept TLS 1.2.",
      'import asyncio',
      ...(encrypted ? ['import os'] : []),
      '',
      'from hs_py import HaystackOps, TLSConfig, WebSocketClient, WebSocketServer',
      'from hs_py.auth_types import CertAuthenticator',
      '',
      ...tlsConfig('server_tls', ctx.node.files, ctx.nodeKeyPasswordEnv, 'client certificates must come from this CA'),
      '',
      ...tlsConfig('client_tls', ctx.client.files, ctx.clientKeyPasswordEnv, 'the server is verified against this CA'),
      '',
      '',
      `async def serve() -> None:  # on ${ctx.node.name}`,
      '    server = WebSocketServer(',
      '        HaystackOps(),  # your HaystackOps subclass',
      '        tls=server_tls,',
      `        cert_auth=CertAuthenticator(allowed_cns={${cns}}),  # others are disconnected`,
      '        host="0.0.0.0",',
      `        port=${port},`,
      '    )',
      '    await server.start()',
      '    try:',
      '        await asyncio.Event().wait()',
      '    finally:',
      '        await server.stop()',
      '',
      '',
      `async def about() -> None:  # as ${JSON.stringify(ctx.client.commonName)}: the certificate is the login`,
      `    async with WebSocketClient(${py(url)}, tls=client_tls) as c:`,
      '        print(await c.about())',
      '',
    ].join('\n');
  },
};
