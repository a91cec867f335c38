/** docker-compose: mount the unpacked bundle read-only at the path the other snippets use. */
import type { LayoutId } from '../layouts/types.ts';
import { yaml } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

const IMAGES: Partial<Record<LayoutId, string>> = { scylla: 'scylladb/scylla', cassandra: 'cassandra:5' };
const WORKDIR = '/app';

export const dockerCompose: Snippet = {
  id: 'docker-compose',
  label: 'docker-compose: mount the bundle',
  language: 'yaml',
  filename: 'compose.yaml',
  layouts: 'any',
  render(ctx: SnippetContext) {
    if (ctx.layout === 'kubernetes') {
      return [
        '# certbench: the Kubernetes bundle holds Secret manifests (NAME-tls.yaml), not certificate files, so there is',
        '# nothing for docker-compose to mount: kubectl apply them (kubernetes-secret snippet), or build the bundle',
        '# with another layout (generic, or the one your image reads) to run it under docker-compose.',
        '',
      ].join('\n');
    }
    const relative = ctx.root !== '' && !ctx.root.startsWith('/');
    const target = relative ? `${WORKDIR}/${ctx.root}` : ctx.root || '/certs';
    const certDir = ctx.node.files.cert.includes('/') ? ctx.node.files.cert.slice(0, ctx.node.files.cert.lastIndexOf('/')) : '.';
    return [
      `# certbench: ${ctx.node.name} with the unpacked bundle (./certs) mounted read-only where its config expects it.`,
      'services:',
      `  ${yaml(ctx.node.name)}:`,
      `    image: ${IMAGES[ctx.layout] ?? 'your/image'}`,
      ...(relative ? [`    working_dir: ${WORKDIR}  # the snippets use paths relative to it`] : []),
      ...(ctx.layout === 'crank' ? ['    environment:', `      CERT_DIR: ${yaml(relative ? `${WORKDIR}/${certDir}` : certDir)}`] : []),
      '    volumes:',
      `      - ./certs:${target}:ro`,
      '',
    ].join('\n');
  },
};
