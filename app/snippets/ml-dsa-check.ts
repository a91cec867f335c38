/**
 * Post-quantum readiness: ML-DSA certificates (RFC 9881) work only with recent TLS stacks. The
 * commands print each local tool's version beside the minimum it needs (ml-dsa/support.ts), then
 * verify the chains with OpenSSL, which needs 3.5 for ML-DSA.
 */
import { mlDsaMinimum } from '../pki/light/index.ts';
import { sh } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const mlDsaCheck: Snippet = {
  id: 'ml-dsa-check',
  label: 'Check: post-quantum (ML-DSA) readiness',
  language: 'shell',
  filename: 'check-ml-dsa.sh',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const n = ctx.node.files;
    const c = ctx.client.files;
    return [
      `# certbench: can this host use the ML-DSA (post-quantum) certificates of cluster ${JSON.stringify(ctx.cluster)}?`,
      `# Needed: ${mlDsaMinimum('openssl')} (also what Python's ssl and curl link), ${mlDsaMinimum('node')}, ${mlDsaMinimum('java')}.`,
      'openssl version',
      `node -p '"Node.js " + process.versions.node + ", OpenSSL " + process.versions.openssl' 2>/dev/null || echo 'no node'`,
      `python3 -c 'import ssl; print("Python ssl:", ssl.OPENSSL_VERSION)' 2>/dev/null || echo 'no python3'`,
      `java -version 2>&1 | head -n 1 || echo 'no java'`,
      `# with ${mlDsaMinimum('openssl')}: both chains verify`,
      `openssl verify -x509_strict -purpose sslserver -CAfile ${sh(n.ca)} -untrusted ${sh(n.cert)} ${sh(n.cert)}`,
      `openssl verify -x509_strict -purpose sslclient -CAfile ${sh(c.ca)} -untrusted ${sh(c.cert)} ${sh(c.cert)}`,
      '',
    ].join('\n');
  },
  caution() {
    return `Only for ML-DSA certificates: older stacks reject them (OpenSSL 3.0 cannot read the CA's key and says "unable to get local issuer certificate"). ${mlDsaMinimum('go')}; ScyllaDB (GnuTLS) and Cassandra on Java 17 cannot use them.`;
  },
};
