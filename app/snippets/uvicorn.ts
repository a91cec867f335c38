/** uvicorn serving an ASGI app over mutual TLS (haystack's FastAPI app, crank workers). */
import { HAYSTACK_PORT } from './haystack.ts';
import { sh } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const uvicornSnippet: Snippet = {
  id: 'uvicorn',
  label: 'uvicorn: serve with mutual TLS',
  language: 'shell',
  filename: 'serve.sh',
  layouts: ['haystack', 'crank', 'generic'],
  render(ctx: SnippetContext) {
    const f = ctx.node.files;
    const password = ctx.nodeKeyPasswordEnv ? [`  --ssl-keyfile-password "$${ctx.nodeKeyPasswordEnv}" \\`] : [];
    return [
      `# certbench: serve myapp:app on ${ctx.node.name} over mutual TLS.`,
      '# --ssl-cert-reqs 2 is ssl.CERT_REQUIRED: clients without a certificate from the CA are refused.',
      `uvicorn myapp:app --host 0.0.0.0 --port ${ctx.port ?? HAYSTACK_PORT} \\`,
      `  --ssl-certfile ${sh(f.fullchain ?? f.cert)} \\`,
      `  --ssl-keyfile ${sh(f.key)} \\`,
      ...password,
      `  --ssl-ca-certs ${sh(f.ca)} \\`,
      '  --ssl-cert-reqs 2',
      '',
    ].join('\n');
  },
};
