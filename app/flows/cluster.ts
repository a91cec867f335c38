/**
 * Setting up a cluster, composed once for the CLI (`certbench bundle`) and the browser (the
 * Cluster view's worker operation): check everything, then issue node and client certificates
 * under a new root or an existing CA, then describe the result as the layouts' Bundle.
 *
 * Every check runs in checkClusterPlan before the first key is made: names, node lines, client
 * names, the layout's options and the key type the layout can read (Cassandra's PEM reader takes
 * RSA and EC keys only). A check added here holds in both, so the browser no longer issues and
 * saves a Cassandra + Ed25519 cluster only to fail at Download bundle.
 */
import {
  checkDays,
  checkLeafParams,
  createRootIssuer,
  issueBatchLines,
  KEY_ALGORITHMS,
  loadIssuer,
  parseBatch,
  PkiError,
  type BatchLine,
  type CaMaterial,
  type LoadedIssuer,
  type LeafHelpers,
  type KeyAlgorithmId,
  type SanEntry,
} from '../pki/index.ts';
import { layoutById } from '../layouts/index.ts';
import type { Bundle, LayoutId, LayoutOptions } from '../layouts/types.ts';
import { assertLayoutTakesKey } from '../layouts/ml-dsa-targets.ts';
import { nodeKeyFamilies, validateLayoutOptions } from '../layouts/validate.ts';
import { nodeHosts } from './node-hosts.ts';

export interface ClusterPlan {
  cluster: string;
  /** Node lines (a name, then its IPs and DNS names); undefined for a bundle of clients only. */
  nodes?: string;
  /** Client names: each becomes a client certificate's CN and its folder. */
  clients: readonly string[];
  layout: LayoutId;
  layoutOptions?: LayoutOptions;
  algorithm: KeyAlgorithmId;
  leafDays: number;
}

/** Who signs: a root made for the cluster, or a CA the user has. */
export type ClusterCa = { newRoot: { days: number } } | { existing: CaMaterial };

export interface ClusterSteps {
  progress?: (done: number, total: number, label: string) => void;
  /** Checked between certificates. */
  signal?: AbortSignal;
  /** Threads that make some of the leaves beside this one (pki/leaf-helpers.ts; the worker passes its pool). */
  helpers?: LeafHelpers;
  /** Keep the leaves' PEMs as ASCII bytes until read, for a caller that sends them to another thread (batch.ts BatchOptions). */
  pemAscii?: boolean;
}

/**
 * A node or client certificate: the batch's own item (BatchItem has these fields), not a copy.
 * The issuers above it are IssuedCluster.intermediatesPem, the same for every leaf.
 */
export interface ClusterLeaf {
  name: string;
  certPem: string;
  keyPem: string;
  /** The serial as the certificate has it, lower-case hex. */
  serial: string;
  /** The validity window, ISO 8601 in whole seconds (one window for a batch: batch.ts). */
  notBefore: string;
  notAfter: string;
  sans: SanEntry[];
  notes: string[];
}

export interface IssuedCluster {
  cluster: string;
  layout: LayoutId;
  /** The signing CA; `chainPem` is everything above it ('' for a root). `keyPem` only for a new root. */
  ca: { certPem: string; keyPem?: string; chainPem: string; isNewRoot: boolean; notes: string[] };
  nodes: ClusterLeaf[];
  clients: ClusterLeaf[];
  /** The issuers above every leaf that a TLS peer needs (intermediates; never the root): '' under a root. */
  intermediatesPem: string;
  /** Notes of every certificate, each once (validity clamped to the CA, CN added to the SANs). */
  notes: string[];
}

const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Everything that can be refused before a key is made; throws a PkiError naming the field.
 * Returns how many certificates the plan makes (nodes, clients).
 */
export function checkClusterPlan(plan: ClusterPlan): { nodes: number; clients: number } {
  const checked = checkPlan(plan);
  return { nodes: checked.nodes.length, clients: checked.clients.length };
}

/** checkClusterPlan's checks, keeping the parsed node lines so issueCluster parses the list once. */
function checkPlan(plan: ClusterPlan): { nodes: BatchLine[]; clients: BatchLine[] } {
  if (!plan.cluster.trim()) throw new PkiError('invalid-name', 'cluster', 'Name the cluster.');
  const layout = layoutById(plan.layout);
  validateLayoutOptions(layout, plan.layoutOptions ?? {});
  const families = nodeKeyFamilies(layout, plan.layoutOptions ?? {});
  const algorithm = KEY_ALGORITHMS.find((a) => a.id === plan.algorithm);
  if (!algorithm) throw new PkiError('unsupported-algorithm', 'keyAlgorithm', `Unknown key type "${plan.algorithm}".`);
  assertLayoutTakesKey(plan.layout, algorithm.family, 'keyAlgorithm');
  if (plan.nodes !== undefined && families && !(families as readonly string[]).includes(algorithm.family)) {
    throw new PkiError(
      'unsupported-algorithm',
      'keyAlgorithm',
      `Cassandra's PEMBasedSslContextFactory reads RSA and EC keys only: choose ECDSA (P-256) or RSA keys, or Cassandra's PKCS#12 form (Cassandra files: PKCS#12 in the Cluster form, certbench bundle --cassandra-format pkcs12, or Export → Bundles).`,
    );
  }
  checkDays(plan.leafDays);
  const nodes = plan.nodes === undefined ? [] : parseBatch(plan.nodes);
  // Each name taken so far (lower case) and its node's line, 0 for a client: the message is written
  // only for a clash, not a string per node.
  const taken = new Map<string, number>();
  for (const n of nodes) taken.set(n.name.toLowerCase(), n.line);
  const clients = plan.clients.map((c, i): BatchLine => {
    if (!CLIENT_NAME.test(c))
      throw new PkiError(
        'invalid-argument',
        'clients',
        `"${c}" is not a usable client name (letters, digits, dot, dash, underscore).`,
      );
    const earlier = taken.get(c.toLowerCase());
    if (earlier !== undefined)
      throw new PkiError(
        'invalid-argument',
        'clients',
        `"${c}" is already the name of a ${earlier ? `node on line ${earlier}` : 'client'}: every node and client needs its own name (it names their folder).`,
      );
    taken.set(c.toLowerCase(), 0);
    return { line: i + 1, name: c, sans: clientSans(c) };
  });
  if (nodes.length + clients.length === 0)
    throw new PkiError('invalid-argument', 'nodes', 'List at least one node or client.');
  return { nodes, clients };
}

/**
 * A client's SANs under the client profile (none: its CN is its identity), after the checks its
 * CN gets on the general path (checkLeafParams: length, control characters), named on 'clients'.
 */
function clientSans(name: string): SanEntry[] {
  try {
    return checkLeafParams({ profile: 'client', commonName: name }).sans;
  } catch (e) {
    if (e instanceof PkiError)
      throw new PkiError('invalid-argument', 'clients', `Client "${name}": ${e.message}`, { cause: e });
    throw e;
  }
}

/** Check the plan, then make the CA (when new), every node and every client certificate. */
export async function issueCluster(
  plan: ClusterPlan,
  signer: ClusterCa,
  steps: ClusterSteps = {},
  crypto?: Crypto,
): Promise<IssuedCluster> {
  const checked = checkPlan(plan);
  const cluster = plan.cluster.trim();
  const newRoot = 'newRoot' in signer;
  const total = (newRoot ? 1 : 0) + checked.nodes.length + checked.clients.length;
  let done = 0;
  const progress = (label: string) => steps.progress?.(done, total, label);
  progress(newRoot ? 'Creating the CA' : 'Issuing certificates');
  let ca: IssuedCluster['ca'];
  let issuer: LoadedIssuer;
  if ('newRoot' in signer) {
    // The new root comes ready to sign (its own key and facts), not read back from its PEM.
    const root = await createRootIssuer(
      { subject: { commonName: `${cluster} CA` }, algorithm: plan.algorithm, days: signer.newRoot.days },
      crypto,
    );
    issuer = root.issuer;
    ca = { certPem: root.ca.certPem, keyPem: root.ca.keyPem, chainPem: '', isNewRoot: true, notes: root.ca.notes };
    done++;
    progress('Issuing certificates');
  } else {
    // One load of the CA (a full read of its certificate and an import of its key) for nodes and clients.
    issuer = await loadIssuer(signer.existing, crypto);
    ca = { certPem: signer.existing.certPem, chainPem: signer.existing.chainPem, isNewRoot: false, notes: [] };
  }
  const start = done;
  let nodesDone = 0;
  let clientsDone = 0;
  // Aborted when either side fails, so the other starts no more certificates and reports no more
  // progress once the flow has failed (Promise.all rejects at the first failure, but does not stop
  // the other side); the caller's cancel does the same.
  const failed = new AbortController();
  const stop = steps.signal ? AbortSignal.any([steps.signal, failed.signal]) : failed.signal;
  const step = () => {
    if (stop.aborted) return;
    done = start + nodesDone + clientsDone;
    progress('Issuing certificates');
  };
  const failFast = <T>(p: Promise<T>) =>
    p.catch((e: unknown) => {
      failed.abort();
      throw e;
    });
  // Nodes and clients are a batch each, side by side (each profile on its proven fast path): the
  // WebCrypto waits of one overlap the other's.
  const issueSide = async (
    lines: readonly BatchLine[],
    profile: 'node' | 'client',
    onDone: (n: number) => void,
  ): Promise<ClusterLeaf[]> => {
    if (lines.length === 0) return [];
    const batch = await issueBatchLines(
      lines,
      issuer,
      {
        profile,
        algorithm: plan.algorithm,
        days: plan.leafDays,
        ...(steps.helpers ? { helpers: steps.helpers } : {}),
        ...(steps.pemAscii ? { pemAscii: true } : {}),
      },
      crypto,
      (n) => {
        onDone(n);
        step();
      },
      stop,
    );
    // The batch's items as they are: in a fresh worker's first clusters a copy per leaf runs
    // unoptimised and keeps a second object per leaf alive until the result is sent.
    return batch.items;
  };
  const [nodes, clients] = await Promise.all([
    failFast(issueSide(checked.nodes, 'node', (n) => (nodesDone = n))),
    failFast(issueSide(checked.clients, 'client', (n) => (clientsDone = n))),
  ]);
  const notes = new Set<string>();
  for (const side of [nodes, clients]) for (const leaf of side) for (const note of leaf.notes) notes.add(note);
  // Every leaf's chain is the leaf then the issuer's intermediates: one string for all of them.
  const intermediatesPem = issuer.intermediatesPem;
  return { cluster, layout: plan.layout, ca, nodes, clients, intermediatesPem, notes: [...notes] };
}

/** The cluster as the layouts' Bundle: what `certbench bundle` zips and the Cluster view downloads. */
export function clusterBundle(issued: IssuedCluster): Bundle {
  return {
    cluster: issued.cluster,
    ca: { certPem: issued.ca.certPem, ...(issued.ca.chainPem.trim() ? { chainPem: issued.ca.chainPem } : {}) },
    nodes: issued.nodes.map((n) => ({
      name: n.name,
      ...nodeHosts(n.sans),
      certPem: n.certPem,
      keyPem: n.keyPem,
      chainPem: issued.intermediatesPem,
    })),
    clients: issued.clients.map((c) => ({
      name: c.name,
      commonName: c.name,
      certPem: c.certPem,
      keyPem: c.keyPem,
      chainPem: issued.intermediatesPem,
    })),
  };
}
