/** Commands that check a deployment from outside: openssl verify, host/IP checks, s_client, curl, keytool. */
import { hostPort, isIpLiteral, sh } from './quote.ts';
import { CQL_PORT } from './scylla-yaml.ts';
import { CASTY_PORT } from './casty.ts';
import type { Snippet, SnippetContext } from './types.ts';

const TLS_PORTS: Record<string, number> = { scylla: CQL_PORT, cassandra: CQL_PORT, casty: CASTY_PORT };
/** Layouts whose servers speak CQL or casty's protocol, not HTTPS: no curl line for them. */
const NOT_HTTPS = new Set(['scylla', 'cassandra', 'casty']);

export const checkCommands: Snippet = {
  id: 'check-commands',
  label: 'Check: openssl, curl, keytool',
  language: 'shell',
  filename: 'check.sh',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const n = ctx.node.files;
    const c = ctx.client.files;
    const port = ctx.port ?? TLS_PORTS[ctx.layout] ?? 8443;
    const lines = [
      `# certbench: check ${ctx.node.name} and client ${JSON.stringify(ctx.client.commonName)} of cluster ${JSON.stringify(ctx.cluster)}.`,
    ];
    if (n.keystore) {
      lines.push(
        '# PKCS#12 stores: a PrivateKeyEntry with its chain, and trustedCertEntry rows',
        `keytool -list -storetype PKCS12 -keystore ${sh(n.keystore)}`,
        ...(n.truststore ? [`keytool -list -storetype PKCS12 -keystore ${sh(n.truststore)}`] : []),
      );
    } else {
      lines.push(
        '# the node certificate chains to the CA and names the hosts clients dial',
        `openssl verify -x509_strict -purpose sslserver -CAfile ${sh(n.ca)} -untrusted ${sh(n.cert)} ${sh(n.cert)}`,
        ...ctx.node.dns.map((d) => `openssl x509 -in ${sh(n.cert)} -noout -checkhost ${sh(d)}`),
        ...ctx.node.ips.map((ip) => `openssl x509 -in ${sh(n.cert)} -noout -checkip ${sh(ip)}`),
      );
    }
    // An IP is never sent as SNI; openssl then checks it against the IP SANs.
    const identity = isIpLiteral(ctx.host)
      ? `-verify_ip ${sh(ctx.host)}`
      : `-servername ${sh(ctx.host)} -verify_hostname ${sh(ctx.host)}`;
    lines.push(
      '# the client certificate chains to the CA',
      `openssl verify -x509_strict -purpose sslclient -CAfile ${sh(c.ca)} -untrusted ${sh(c.cert)} ${sh(c.cert)}`,
      '# a full mutual-TLS handshake with the running node',
      `openssl s_client -connect ${sh(hostPort(ctx.host, port))} ${identity} \\`,
      `  -cert ${sh(c.cert)} -key ${sh(c.key)} -CAfile ${sh(c.ca)} -verify_return_error -brief </dev/null`,
    );
    if (!NOT_HTTPS.has(ctx.layout)) {
      lines.push(
        '# an HTTPS endpoint (haystack, uvicorn, Node) with the client certificate',
        `curl --cacert ${sh(c.ca)} --cert ${sh(c.cert)} --key ${sh(c.key)} ${sh(`https://${hostPort(ctx.host, port)}/`)}`,
      );
    }
    lines.push('');
    return lines.join('\n');
  },
};
