/**
 * The ordered registry of target systems a cluster is set up for: the Cluster view's Target
 * select, `certbench bundle --target` and the worker's cluster operation all read this one list.
 * A target names the bundle layout its files follow and the snippets shown for it, in order.
 * Adding a target is adding an entry (and, if it needs one, a layout and snippets). Light on
 * purpose (no layout or snippet code), so the store can check a persisted target id.
 */
import { PkiError } from '../pki/light/index.ts';
import type { LayoutId } from '../layouts/layout-ids.ts';

export interface Target {
  id: string;
  /** As the UI names the system ("ScyllaDB", not "scylla"). */
  label: string;
  /** One line for help texts: what is set up. */
  description: string;
  /** The bundle layout (app/layouts) its files follow. */
  layout: LayoutId;
  /**
   * Snippet ids in the order shown; 'layout' for the snippets made for the layout (then those for
   * any layout), in the snippet registry's order.
   */
  snippets: 'layout' | readonly string[];
}

export const TARGETS = [
  {
    id: 'scylla',
    label: 'ScyllaDB',
    description:
      'ScyllaDB, the Cassandra-compatible database: node TLS in scylla.yaml, cqlsh and Python drivers as clients',
    layout: 'scylla',
    snippets: 'layout',
  },
  {
    id: 'cassandra',
    label: 'Cassandra',
    description: 'Apache Cassandra nodes (cassandra.yaml, PEM files or PKCS#12 stores), cqlsh and drivers as clients',
    layout: 'cassandra',
    snippets: 'layout',
  },
  {
    id: 'casty',
    label: 'casty',
    description:
      'casty, a Python actor-cluster library: every node is server and client to its peers (always mutual TLS)',
    layout: 'casty',
    snippets: 'layout',
  },
  {
    id: 'haystack',
    label: 'haystack',
    description: 'haystack-py (hs_py), Python client and server for Project Haystack building data: mTLS logins by CN',
    layout: 'haystack',
    snippets: 'layout',
  },
  {
    id: 'crank',
    label: 'crank',
    description:
      'crank platform workers: keys made on each worker (CSR), client.crt and ca.crt in CERT_DIR, uvicorn API',
    layout: 'crank',
    snippets: 'layout',
  },
  {
    id: 'node',
    label: 'Node.js',
    description: 'Node.js tls and https servers and clients (tls.createServer, https.request, fetch with undici)',
    layout: 'generic',
    snippets: ['node-tls-server', 'node-tls-client', 'node-https-request', 'node-fetch-undici'],
  },
  {
    id: 'kubernetes',
    label: 'Kubernetes',
    description: 'Kubernetes TLS Secrets (kubernetes.io/tls), one per node and client, mounted into pods',
    layout: 'kubernetes',
    snippets: 'layout',
  },
  {
    id: 'generic',
    label: 'generic',
    description: 'Plain PEM files (NAME.crt, NAME.key, ca.crt) for any TLS stack: nginx, Go, Java, Python ssl, curl',
    layout: 'generic',
    snippets: ['check-commands', 'uvicorn', 'kubernetes-secret', 'docker-compose'],
  },
] as const satisfies readonly Target[];

export type TargetId = (typeof TARGETS)[number]['id'];

export function isTargetId(id: string): id is TargetId {
  return TARGETS.some((t) => t.id === id);
}

/** The target with this id, or a PkiError naming the ones there are. */
export function targetById(id: string): (typeof TARGETS)[number] {
  const target = TARGETS.find((t) => t.id === id);
  if (!target)
    throw new PkiError(
      'invalid-argument',
      'target',
      `Unknown target "${id}"; choose one of ${TARGETS.map((t) => t.id).join(', ')}.`,
    );
  return target;
}

/**
 * The target a layout stands for when no target is named: the one of the same id (the generic
 * layout is the generic target, never Node.js), else the first with that layout.
 */
export function targetOfLayout(layout: LayoutId): (typeof TARGETS)[number] {
  return (
    TARGETS.find((t) => t.id === layout) ?? TARGETS.find((t) => t.layout === layout) ?? TARGETS[TARGETS.length - 1]!
  );
}

/** The system a layout is for, as the Target select names it. */
export function layoutTargetLabel(layout: LayoutId): string {
  return targetOfLayout(layout).label;
}
