/**
 * The Cluster view's worker operation: a thin adapter around the shared cluster flow
 * (flows/cluster.ts). It picks the target's layout, issues under a new root with progress and
 * cancellation, and shapes the result for the view: workspace facts per certificate. The view
 * renders the snippets from the bundle itself, so they are not made here (nor cloned to the page).
 */
import { issueCluster } from '../flows/cluster.ts';
import { targetById } from '../targets/index.ts';
import { certificateMeta } from './issuing-meta.ts';
import { batchLeafMeta } from './batch-meta.ts';
import { throttledProgress } from './throttled-progress.ts';
import type { ItemMeta } from '../store/types.ts';
import type { LayoutOptions } from '../layouts/types.ts';
import type { ClusterArgs, ClusterLeafResult, ClusterResult } from './pki-contract.ts';
import type { OpContext } from './protocol.ts';

/** The layout options the form chose: Cassandra's form and store password; nothing for other targets. */
export function clusterLayoutOptions(args: Pick<ClusterArgs, 'cassandraFormat' | 'storePassword'>, layout: string) {
  const options: LayoutOptions = {};
  if (layout !== 'cassandra') return options;
  if (args.cassandraFormat) options.cassandraFormat = args.cassandraFormat;
  if (args.cassandraFormat === 'pkcs12' && args.storePassword !== undefined) options.storePassword = args.storePassword;
  return options;
}

export async function setUpCluster(args: ClusterArgs, ctx: OpContext, crypto?: Crypto): Promise<ClusterResult> {
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
    { progress: throttledProgress((done, total, label) => ctx.progress(done, total, label)), signal: ctx.signal },
    crypto,
  );
  // Nodes come from one batch and clients from another (their facts derived, batch-meta.ts).
  const leaves = (list: typeof issued.nodes, metas: ItemMeta[]): ClusterLeafResult[] =>
    list.map((l, i) => ({ name: l.name, certPem: l.certPem, keyPem: l.keyPem, meta: metas[i] ?? {}, notes: l.notes }));
  return {
    ca: {
      certPem: issued.ca.certPem,
      keyPem: issued.ca.keyPem ?? '',
      chainPem: '',
      meta: certificateMeta(issued.ca.certPem, { profile: 'root' }),
      notes: issued.ca.notes,
    },
    // The workspace keeps each leaf's whole chain above it: here, the new root, once for all.
    leafChainPem: issued.ca.certPem,
    nodes: leaves(issued.nodes, batchLeafMeta(issued.nodes, 'node')),
    clients: leaves(issued.clients, batchLeafMeta(issued.clients, 'client')),
    target: target.id,
    layout: target.layout,
    warnings: issued.notes,
  };
}
