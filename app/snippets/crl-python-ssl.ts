/**
 * Python `ssl`: a mutual-TLS server whose context checks client certificates against the CA's CRL:
 * the CRL is loaded with load_verify_locations like a CA, and VERIFY_CRL_CHECK_LEAF turns the
 * check on for the peer's own certificate (CPython Doc/library/ssl.rst, SSLContext.verify_flags).
 */
import { crlPath } from './crl-path.ts';
import { py } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const PYTHON_CRL_PORT = 8443;

export const pythonSslCrlServer: Snippet = {
  id: 'python-ssl-crl',
  label: "Python ssl: mTLS server checking the CA's CRL (VERIFY_CRL_CHECK_LEAF)",
  language: 'python',
  filename: 'server_crl.py',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const f = ctx.node.files;
    const port = ctx.port ?? PYTHON_CRL_PORT;
    const password = ctx.nodeKeyPasswordEnv ? `, password=os.environ[${py(ctx.nodeKeyPasswordEnv)}]` : '';
    return [
      `# certbench: Python mutual-TLS server for ${ctx.node.name} that refuses revoked client certificates.`,
      '# An expired CRL (past its nextUpdate) makes every client fail: publish a new one in time.',
      'import os',
      'import socket',
      'import ssl',
      '',
      `CRL = ${py(crlPath(ctx))}`,
      'context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)',
      `context.load_cert_chain(${py(f.cert)}, ${py(f.key)}${password})`,
      `context.load_verify_locations(cafile=${py(f.ca)})  # the CA that issued the clients`,
      'context.load_verify_locations(cafile=CRL)  # its CRL (PEM), loaded like a CA file',
      'context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF  # check each client certificate against it',
      'context.verify_mode = ssl.CERT_REQUIRED',
      '',
      `with socket.create_server(("", ${port})) as listener:`,
      `    print("listening on port ${port}", flush=True)`,
      '    while True:',
      '        conn, _ = listener.accept()',
      '        try:',
      '            with context.wrap_socket(conn, server_side=True) as tls:',
      '                subject = dict(rdn[0] for rdn in tls.getpeercert()["subject"])',
      '                tls.sendall(f"hello {subject[\'commonName\']}\\n".encode())',
      '        except (ssl.SSLError, OSError) as err:',
      '            print(f"refused a client: {err}", flush=True)',
      '',
    ].join('\n');
  },
};
