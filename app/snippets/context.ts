/**
 * The context a snippet is rendered from: the chosen layout's paths under the folder the bundle
 * is unpacked to, hosts from the node SANs, client CNs, and placeholders for secrets.
 */
import type { BundleOutline, EntityPaths, Layout, LayoutId, LayoutOptions } from '../layouts/types.ts';
import { readsEncryptedKeys } from '../layouts/key-policy.ts';
import type { SnippetContext, SnippetFiles } from './types.ts';

/** Where each ecosystem usually keeps the bundle; every snippet path starts here unless the user says otherwise. */
export const DEFAULT_ROOTS: Record<LayoutId, string> = {
  casty: 'certs',
  haystack: 'certs',
  crank: '/etc/certs',
  scylla: '/etc/scylla/certs',
  cassandra: '/etc/cassandra/certs',
  kubernetes: '', // paths are already inside the pod's mount
  generic: 'certs',
};

/** Names only: what `certbench snippet` fills in when no bundle is given. */
export const PLACEHOLDER_OUTLINE: BundleOutline = {
  cluster: 'my-cluster',
  nodes: [
    { name: 'node-1', dns: ['node-1.example.internal'], ips: ['10.0.0.1'] },
    { name: 'node-2', dns: ['node-2.example.internal'], ips: ['10.0.0.2'] },
  ],
  clients: [{ name: 'app', commonName: 'app' }],
};

export const KEY_PASSWORD_ENV = 'TLS_KEY_PASSWORD';

export interface SnippetContextOptions {
  /** Folder the bundle is unpacked to (absolute or relative); the layout's default otherwise. */
  root?: string;
  /** Host clients dial; the node's first DNS SAN (or IP SAN) otherwise. */
  host?: string;
  port?: number;
  /** Which node server-side snippets are for; the first otherwise. */
  nodeName?: string;
  /** Which client client-side snippets are for; the first otherwise. */
  clientName?: string;
  /** Layout options the bundle was built with (passphrase set or not, Cassandra form). The passphrase itself is not used. */
  layoutOptions?: LayoutOptions;
  crl?: string;
}

/** Names end up in comments and code: one line, no control characters, whatever the UI passed in. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

function under(root: string, path: string): string {
  if (!root || path.startsWith('/')) return path;
  return `${root.replace(/\/+$/, '')}/${path}`;
}

function files(root: string, e: EntityPaths): SnippetFiles {
  // What a TLS endpoint presents is the certificate and its intermediates: where a layout keeps the leaf
  // alone beside a fullchain file (generic), snippets load the fullchain, or peers that trust only the
  // root cannot build the chain.
  const out: SnippetFiles = {
    cert: under(root, e.fullchain ?? e.cert),
    key: under(root, e.key),
    ca: under(root, e.ca),
  };
  if (e.keyAndChain) out.keyAndChain = under(root, e.keyAndChain);
  if (e.fullchain) out.fullchain = under(root, e.fullchain);
  if (e.keystore) out.keystore = under(root, e.keystore);
  if (e.truststore) out.truststore = under(root, e.truststore);
  return out;
}

/** Build the context; an outline without nodes or clients gets a placeholder one so every snippet renders. */
export function snippetContext(
  outline: BundleOutline,
  layout: Layout,
  options: SnippetContextOptions = {},
): SnippetContext {
  const filled: BundleOutline = {
    cluster: oneLine(outline.cluster),
    nodes: (outline.nodes.length ? outline.nodes : PLACEHOLDER_OUTLINE.nodes.slice(0, 1)).map((n) => ({
      name: oneLine(n.name),
      dns: n.dns.map(oneLine),
      ips: n.ips.map(oneLine),
    })),
    clients: (outline.clients.length ? outline.clients : PLACEHOLDER_OUTLINE.clients).map((c) => ({
      name: oneLine(c.name),
      commonName: oneLine(c.commonName),
    })),
  };
  const layoutOptions = options.layoutOptions ?? {};
  const root = options.root ?? DEFAULT_ROOTS[layout.id];
  // Paths come from the bundle as it is: a placeholder must not change its shape (crank and haystack
  // put a lone worker or server at the top, and more than one in NAME/ folders).
  const real: BundleOutline = {
    cluster: filled.cluster,
    nodes: outline.nodes.length ? filled.nodes : [],
    clients: outline.clients.length ? filled.clients : [],
  };
  const paths = layout.paths(real, layoutOptions);
  // With nodes and clients both given, `filled` is `real`: their paths are the same, and a
  // thousand nodes' paths made twice were a third of the Cluster result's snippets (page traces).
  const placeholderPaths = outline.nodes.length && outline.clients.length ? paths : layout.paths(filled, layoutOptions);
  const nodes = filled.nodes.map((n, i) => ({
    name: n.name,
    dns: n.dns,
    ips: n.ips,
    files: files(root, paths.nodes[i] ?? placeholderPaths.nodes[i] ?? placeholderPaths.nodes[0]!),
  }));
  const clients = filled.clients.map((c, i) => ({
    name: c.name,
    commonName: c.commonName,
    files: files(root, paths.clients[i] ?? placeholderPaths.clients[i] ?? placeholderPaths.clients[0]!),
  }));
  const node = nodes.find((n) => n.name === options.nodeName) ?? nodes[0]!;
  const client = clients.find((c) => c.name === options.clientName) ?? clients[0]!;
  const encrypted = (role: 'node' | 'client') =>
    layoutOptions.keyPassphrase !== undefined && readsEncryptedKeys(layout, role, layoutOptions)
      ? KEY_PASSWORD_ENV
      : null;
  const context: SnippetContext = {
    cluster: filled.cluster,
    layout: layout.id,
    root,
    node,
    nodes,
    client,
    clients,
    host: oneLine(options.host ?? node.dns[0] ?? node.ips[0] ?? 'localhost'),
    nodeKeyPasswordEnv: encrypted('node'),
    clientKeyPasswordEnv: encrypted('client'),
    storePasswordPlaceholder: '<store password>',
  };
  if (options.port !== undefined) context.port = options.port;
  if (options.crl !== undefined) context.crl = options.crl;
  return context;
}
