/** crank: workers find client.crt, client.key and ca.crt in CERT_DIR. */
import { sh } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
}

export const crankSnippet: Snippet = {
  id: 'crank-cert-dir',
  label: 'crank: CERT_DIR for a worker',
  language: 'shell',
  filename: 'crank.env.sh',
  layouts: ['crank'],
  render(ctx: SnippetContext) {
    const dir = dirOf(ctx.node.files.cert);
    const standard = ctx.layout === 'crank';
    return [
      `# certbench: run crank worker ${ctx.node.name} with its certificates. crank reads client.crt (certificate),`,
      '# client.key (private key, unencrypted) and ca.crt (CA) from CERT_DIR; /etc/certs when unset.',
      ...(standard ? [] : ['# These paths come from another layout: choose the crank layout to get crank\'s file names.']),
      `export CERT_DIR=${sh(dir)}`,
      'for f in client.crt client.key ca.crt; do test -r "$CERT_DIR/$f" || echo "missing $CERT_DIR/$f" >&2; done',
      'openssl verify -x509_strict -CAfile "$CERT_DIR/ca.crt" -untrusted "$CERT_DIR/client.crt" "$CERT_DIR/client.crt"',
      'python services/crank_streaming.py',
      '',
    ].join('\n');
  },
};
