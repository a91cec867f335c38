/** Node.js: a tls.createServer that demands client certificates, and a tls.connect client. */
import { hostPort, isIpLiteral, js } from './quote.ts';
import type { Snippet, SnippetContext, SnippetFiles } from './types.ts';

export const NODE_PORT = 8443;
/** Environment variable the Node snippets read a PKCS#12 store password from; never the password. */
export const STORE_PASSWORD_ENV = 'TLS_STORE_PASSWORD';

/** The credential lines of a Node TLS options object, indented for it. */
export function nodeCredentials(files: SnippetFiles, passwordEnv: string | null, indent: string): string[] {
  if (files.keystore) {
    // A PKCS#12 keystore (Cassandra's PKCS#12 form) is not PEM: Node reads it as pfx, under the store password.
    return [
      `${indent}pfx: readFileSync(${js(files.keystore)}), // PKCS#12: private key, certificate and chain`,
      `${indent}passphrase: process.env.${STORE_PASSWORD_ENV}, // the store password`,
      `${indent}ca: readFileSync(${js(files.ca)}), // trust this CA only, not the system roots`,
    ];
  }
  return [
    `${indent}cert: readFileSync(${js(files.cert)}), // certificate, then any intermediates`,
    `${indent}key: readFileSync(${js(files.key)}),`,
    ...(passwordEnv ? [`${indent}passphrase: process.env.${passwordEnv}, // the key is encrypted PKCS#8`] : []),
    `${indent}ca: readFileSync(${js(files.ca)}), // trust this CA only, not the system roots`,
  ];
}

/** SNI and identity: Node checks the server's SANs against `servername` (or `host` for an IP). */
export function nodeServername(host: string, indent: string): string[] {
  return isIpLiteral(host)
    ? [`${indent}// ${host} is an IP: no SNI is sent and the server certificate must carry IP:${host}`]
    : [`${indent}servername: ${js(host)}, // SNI, and the name checked against the server certificate's SANs`];
}

export const nodeTlsServer: Snippet = {
  id: 'node-tls-server',
  label: 'Node.js: mTLS server (tls.createServer)',
  language: 'javascript',
  filename: 'server.mjs',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const port = ctx.port ?? NODE_PORT;
    return [
      `// certbench: Node.js mutual-TLS server for ${ctx.node.name} of cluster ${JSON.stringify(ctx.cluster)}.`,
      '// Clients without a certificate issued by the cluster CA are refused during the handshake.',
      "import { readFileSync } from 'node:fs';",
      "import { createServer } from 'node:tls';",
      '',
      'const server = createServer(',
      '  {',
      ...nodeCredentials(ctx.node.files, ctx.nodeKeyPasswordEnv, '    '),
      '    requestCert: true, // ask every client for its certificate',
      '    rejectUnauthorized: true, // and refuse the handshake unless the CA issued it',
      "    minVersion: 'TLSv1.2',",
      '  },',
      '  (socket) => {',
      '    const peer = socket.getPeerCertificate();',
      '    socket.end(`hello ${peer.subject.CN}\\n`);',
      '  },',
      ');',
      "server.on('tlsClientError', (err) => console.error(`refused a client: ${err.message}`));",
      `server.listen(${port}, () => console.log('listening on port ${port}'));`,
      '',
    ].join('\n');
  },
};

export const nodeTlsClient: Snippet = {
  id: 'node-tls-client',
  label: 'Node.js: mTLS client (tls.connect)',
  language: 'javascript',
  filename: 'client.mjs',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const port = ctx.port ?? NODE_PORT;
    return [
      `// certbench: Node.js mutual-TLS client ${JSON.stringify(ctx.client.commonName)} dialing ${hostPort(ctx.host, port)}.`,
      "import { readFileSync } from 'node:fs';",
      "import { connect } from 'node:tls';",
      '',
      'const socket = connect(',
      '  {',
      `    host: ${js(ctx.host)},`,
      `    port: ${port},`,
      ...nodeServername(ctx.host, '    '),
      ...nodeCredentials(ctx.client.files, ctx.clientKeyPasswordEnv, '    '),
      '    rejectUnauthorized: true, // the default: never turn it off',
      '  },',
      `  () => console.log('connected; server certificate verified for ${ctx.host}'),`,
      ');',
      "socket.setEncoding('utf8');",
      'let replied = false;',
      "socket.on('data', (data) => {",
      '  replied = true;',
      '  process.stdout.write(data);',
      '});',
      '// With TLS 1.3 a server refuses a client certificate after the client thinks the handshake is done.',
      "socket.on('end', () => {",
      '  if (replied) return;',
      "  console.error('the server closed the connection without a reply: did it refuse this client certificate?');",
      '  process.exitCode = 1;',
      '});',
      "socket.on('error', (err) => {",
      '  console.error(`TLS error: ${err.message}`);',
      '  process.exitCode = 1;',
      '});',
      '',
    ].join('\n');
  },
};
