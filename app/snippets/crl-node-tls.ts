/** Node.js: a mutual-TLS server that also refuses clients whose certificate the CA has revoked (tls `crl`). */
import { crlPath } from './crl-path.ts';
import { NODE_PORT, nodeCredentials } from './node-tls.ts';
import { js } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const nodeTlsCrlServer: Snippet = {
  id: 'node-tls-crl',
  label: "Node.js: mTLS server checking the CA's CRL (tls crl)",
  language: 'javascript',
  filename: 'server-crl.mjs',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const port = ctx.port ?? NODE_PORT;
    return [
      `// certbench: Node.js mutual-TLS server for ${ctx.node.name} that refuses revoked client certificates.`,
      '// The CRL comes from `certbench crl --ca-dir CA --out crl.pem`; publish a new one before its nextUpdate.',
      "import { readFileSync } from 'node:fs';",
      "import { createServer } from 'node:tls';",
      '',
      `const CRL = ${js(crlPath(ctx))};`,
      'const options = {',
      ...nodeCredentials(ctx.node.files, ctx.nodeKeyPasswordEnv, '  '),
      '  crl: readFileSync(CRL), // a client certificate listed here fails the handshake ("certificate revoked")',
      '  requestCert: true,',
      '  rejectUnauthorized: true,',
      "  minVersion: 'TLSv1.2',",
      '};',
      'const server = createServer(options, (socket) => {',
      '  socket.end(`hello ${socket.getPeerCertificate().subject.CN}\\n`);',
      '});',
      '// A new CRL from the CA: load it into the running server, no restart needed.',
      "process.on('SIGHUP', () => server.setSecureContext({ ...options, crl: readFileSync(CRL) }));",
      "server.on('tlsClientError', (err) => console.error(`refused a client: ${err.message}`));",
      `server.listen(${port}, () => console.log('listening on port ${port}'));`,
      '',
    ].join('\n');
  },
};
