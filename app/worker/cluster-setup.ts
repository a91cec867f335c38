/**
 * The Cluster view's worker operation: a thin adapter around the shared cluster flow
 * (flows/cluster.ts). It picks the target's layout, issues under a new root with progress and
 * cancellation, and shapes the result for the view: workspace facts per certificate, the leaves
 * sent as columns (cluster-wire.ts) and read back by the page's client. The view
 * renders the snippets from the bundle itself, so they are not made here (nor cloned to the page).
 */
import { issueCluster } from '../flows/cluster.ts';
import { targetById } from '../targets/index.ts';
import { certificateMeta } from './issuing-meta.ts';
import { batchLeafFacts } from './batch-meta.ts';
import { decodeClusterWire, leafColumns, type ClusterWire } from './cluster-wire.ts';
import { throttledProgress } from './throttled-progress.ts';
import { appLeafHelpers } from './leaf-helper-pool.ts';
import type { LayoutOptions } from '../layouts/types.ts';
import type { ClusterArgs, ClusterResult } from './pki-contract.ts';
import { transferring, type OpContext } from './protocol.ts';
import { buffersOf, pemAsciiOfItem } from '../pki/index.ts';

/** The layout options the form chose: Cassandra's form and store password; nothing for other targets. */
export function clusterLayoutOptions(args: Pick<ClusterArgs, 'cassandraFormat' | 'storePassword'>, layout: string) {
  const options: LayoutOptions = {};
  if (layout !== 'cassandra') return options;
  if (args.cassandraFormat) options.cassandraFormat = args.cassandraFormat;
  if (args.cassandraFormat === 'pkcs12' && args.storePassword !== undefined) options.storePassword = args.storePassword;
  return options;
}

/**
 * The Cluster operation as the worker sends it: the leaves as columns (cluster-wire.ts), each
 * side's facts derived from one model where they can be (batch-meta.ts).
 */
export async function setUpClusterWire(args: ClusterArgs, ctx: OpContext, crypto?: Crypto): Promise<ClusterWire> {
  const target = targetById(args.target);
  const layoutOptions = clusterLayoutOptions(args, target.layout);
  const issued = await issueCluster(
    {
      cluster: args.cluster,
      nodes: args.nodes,
      clients: args.clients,
      layout: target.layout,
      layoutOptions,
      algorithm: args.keyAlgorithm,
      leafDays: args.leafDays,
    },
    { newRoot: { days: args.caDays } },
    {
      progress: throttledProgress((done, total, label) => ctx.progress(done, total, label)),
      signal: ctx.signal,
      helpers: appLeafHelpers(),
      pemAscii: true,
    },
    crypto,
  );
  const caMeta = certificateMeta(issued.ca.certPem, { profile: 'root' });
  // The leaves' facts come from their batches and the root's own (batch-meta.ts), not from reading them.
  const source = { issuer: caMeta.subject ?? '', algorithm: args.keyAlgorithm };
  const nodes = leafColumns(issued.nodes, batchLeafFacts(issued.nodes, 'node', source), pemAsciiOfItem);
  const clients = leafColumns(issued.clients, batchLeafFacts(issued.clients, 'client', source), pemAsciiOfItem);
  const wire: ClusterWire = {
    ca: {
      certPem: issued.ca.certPem,
      keyPem: issued.ca.keyPem ?? '',
      chainPem: '',
      meta: caMeta,
      notes: issued.ca.notes,
    },
    // The workspace keeps each leaf's whole chain above it: here, the new root, once for all.
    leafChainPem: issued.ca.certPem,
    nodes,
    clients,
    target: target.id,
    layout: target.layout,
    warnings: issued.notes,
  };
  // The leaves' PEMs written as ASCII bytes move to the page with their slabs (pki/pem-ascii.ts).
  return transferring(wire, buffersOf([nodes, clients].flatMap((c) => [...c.certPems, ...c.keyPems])));
}

/** The Cluster operation's result as the page reads it (setUpClusterWire, decoded). */
export async function setUpCluster(args: ClusterArgs, ctx: OpContext, crypto?: Crypto): Promise<ClusterResult> {
  return decodeClusterWire(await setUpClusterWire(args, ctx, crypto));
}
