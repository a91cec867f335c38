/**
 * docker-compose: the unpacked bundle mounted read-only where the other snippets point, the
 * database's config file mounted too, and the keys made readable by the user the image runs as.
 * Image facts (pinned in source-facts.test.ts):
 * - scylladb/scylla runs scylla as root (uid 0): its supervisor script execs scylla directly unless the
 *   image is a non-root build, so mode-600 keys owned by anyone are readable;
 * - the official cassandra image runs Cassandra as user cassandra, uid 999 (useradd --uid=999, then the
 *   entrypoint steps down with gosu), and its entrypoint rewrites cassandra.yaml (seeds, addresses), so
 *   that file cannot be mounted read-only.
 */
import type { LayoutId } from '../layouts/types.ts';
import { yaml } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

interface Image {
  image: string;
  /** The uid the server runs as inside the container. */
  uid: number;
  /** Who that is and why, one line. */
  user: string;
  /** The config file the certbench snippet goes into, and where the image reads it. */
  config: { file: string; at: string; readOnly: boolean; why?: string };
}

export const IMAGES: Partial<Record<LayoutId, Image>> = {
  scylla: {
    image: 'scylladb/scylla',
    uid: 0,
    user: 'scylladb/scylla runs scylla as root (uid 0), which reads the mode-600 keys as they are.',
    config: { file: 'scylla.yaml', at: '/etc/scylla/scylla.yaml', readOnly: true },
  },
  cassandra: {
    image: 'cassandra:5',
    uid: 999,
    user: 'The cassandra image runs Cassandra as user cassandra, uid 999: the keys must be readable by uid 999.',
    config: {
      file: 'cassandra.yaml',
      at: '/etc/cassandra/cassandra.yaml',
      readOnly: false,
      why: 'not read-only: the entrypoint writes seeds and addresses into it',
    },
  },
};
const WORKDIR = '/app';

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
}

/** Commands that hand the unpacked keys to `uid`, readable by it alone. */
function ownershipLines(uid: number | null): string[] {
  if (uid === 0) return [];
  if (uid === null) {
    return [
      '# The keys are mode 600 and owned by you: give them to the uid your image runs as (docker run --rm your/image id -u),',
      '# e.g. for uid 1000: sudo chown -R 1000:1000 ./certs && sudo chmod -R u=rwX,go= ./certs',
    ];
  }
  return [`# Before the first start: sudo chown -R ${uid}:${uid} ./certs && sudo chmod -R u=rwX,go= ./certs`];
}

export const dockerCompose: Snippet = {
  id: 'docker-compose',
  label: 'docker-compose: mount the bundle and the config',
  language: 'yaml',
  filename: 'compose.yaml',
  layouts: 'any',
  caution(ctx: SnippetContext) {
    const img = IMAGES[ctx.layout];
    if (ctx.layout === 'kubernetes' || (img && img.uid === 0)) return undefined;
    return img
      ? `${img.user} Run the chown line in the file before the first start, or the server cannot read its keys.`
      : 'The keys are readable only by you (mode 600): chown them to the uid your image runs as, as the file says.';
  },
  render(ctx: SnippetContext) {
    if (ctx.layout === 'kubernetes') {
      return [
        '# certbench: the Kubernetes bundle holds Secret manifests (NAME-tls.yaml), not certificate files, so there is',
        '# nothing for docker-compose to mount: kubectl apply them (kubernetes-secret snippet), or build the bundle',
        '# with another layout (generic, or the one your image reads) to run it under docker-compose.',
        '',
      ].join('\n');
    }
    const img = IMAGES[ctx.layout];
    const relative = ctx.root !== '' && !ctx.root.startsWith('/');
    const target = relative ? `${WORKDIR}/${ctx.root}` : ctx.root || '/certs';
    const certDir = dirOf(ctx.node.files.cert);
    return [
      `# certbench: ${ctx.node.name} with the unpacked bundle (./certs) mounted read-only where its config expects it.`,
      ...(img
        ? [
            `# ./${img.config.file} is your full ${img.config.file} with certbench's ${img.config.file} snippet merged in. ${img.user}`,
          ]
        : ["# Mount your service's own config beside it the same way."]),
      ...ownershipLines(img ? img.uid : null),
      'services:',
      `  ${yaml(ctx.node.name)}:`,
      `    image: ${img?.image ?? 'your/image'}`,
      ...(relative ? [`    working_dir: ${WORKDIR}  # the snippets use paths relative to it`] : []),
      ...(ctx.layout === 'crank'
        ? ['    environment:', `      CERT_DIR: ${yaml(relative ? `${WORKDIR}/${certDir}` : certDir)}`]
        : []),
      '    volumes:',
      `      - ./certs:${target}:ro`,
      ...(img
        ? [
            `      - ./${img.config.file}:${img.config.at}${img.config.readOnly ? ':ro' : `  # ${img.config.why ?? ''}`}`,
          ]
        : []),
      '',
    ].join('\n');
  },
};
