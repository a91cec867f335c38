/** Node.js HTTP clients with a client certificate: https.request, and fetch through an undici Agent. */
import { nodeCredentials, nodeServername, NODE_PORT } from './node-tls.ts';
import { hostPort } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

function url(ctx: SnippetContext): string {
  return `https://${hostPort(ctx.host, ctx.port ?? NODE_PORT)}/`;
}

export const nodeHttpsRequest: Snippet = {
  id: 'node-https-request',
  label: 'Node.js: https.request with a client certificate',
  language: 'javascript',
  filename: 'https-client.mjs',
  layouts: 'any',
  render(ctx: SnippetContext) {
    return [
      `// certbench: HTTPS request as ${JSON.stringify(ctx.client.commonName)} with mutual TLS.`,
      "import { readFileSync } from 'node:fs';",
      "import { request } from 'node:https';",
      '',
      `const req = request(${JSON.stringify(url(ctx))}, {`,
      ...nodeServername(ctx.host, '  '),
      ...nodeCredentials(ctx.client.files, ctx.clientKeyPasswordEnv, '  '),
      '}, (res) => {',
      '  console.log(`HTTP ${res.statusCode}`);',
      '  res.pipe(process.stdout);',
      '});',
      "req.on('error', (err) => {",
      '  console.error(err.message);',
      '  process.exitCode = 1;',
      '});',
      'req.end();',
      '',
    ].join('\n');
  },
};

export const nodeFetchUndici: Snippet = {
  id: 'node-fetch-undici',
  label: 'Node.js: fetch with a client certificate (undici Agent)',
  language: 'javascript',
  filename: 'fetch-client.mjs',
  layouts: 'any',
  render(ctx: SnippetContext) {
    return [
      `// certbench: fetch() as ${JSON.stringify(ctx.client.commonName)} with mutual TLS. Needs: npm install undici`,
      "// fetch() takes no TLS options itself; an undici Agent passed as `dispatcher` carries them. Node's global",
      "// fetch accepts the Agent too (checked: Node 20 with undici 7); undici's own fetch keeps both one version.",
      "import { readFileSync } from 'node:fs';",
      "import { Agent, fetch } from 'undici';",
      '',
      'const dispatcher = new Agent({',
      '  connect: {',
      ...nodeServername(ctx.host, '    '),
      ...nodeCredentials(ctx.client.files, ctx.clientKeyPasswordEnv, '    '),
      '  },',
      '});',
      '',
      `const res = await fetch(${JSON.stringify(url(ctx))}, { dispatcher });`,
      'console.log(res.status, await res.text());',
      '',
    ].join('\n');
  },
};
