/**
 * The Cluster view's worker operation: a thin adapter around the shared cluster flow
 * (flows/cluster.ts). It picks the target's layout, issues under a new root with progress and
 * cancellation, and shapes the result for the view: workspace facts per certificate and the
 * target's snippets.
 */
import { clusterBundle, issueCluster } from '../flows/cluster.ts';
import { renderSnippets } from '../flows/bundle-snippets.ts';
import { targetById } from '../targets/index.ts';
import { targetSnippets } from '../targets/snippets.ts';
import { certificateMeta } from './issuing-meta.ts';
import type { ClusterArgs, ClusterResult } from './pki-contract.ts';
import type { OpContext } from './protocol.ts';

export async function setUpCluster(args: ClusterArgs, ctx: OpContext, crypto?: Crypto): Promise<ClusterResult> {
  const target = targetById(args.target);
  const issued = await issueCluster(
    {
      cluster: args.cluster,
      nodes: args.nodes,
      clients: args.clients,
      layout: target.layout,
      algorithm: args.keyAlgorithm,
      leafDays: args.leafDays,
    },
    { newRoot: { days: args.caDays } },
    { progress: (done, total, label) => ctx.progress(done, total, label), signal: ctx.signal },
    crypto,
  );
  // The workspace keeps each leaf's whole chain above it: here, the new root.
  const caChain = issued.ca.certPem;
  const leaf = (profile: 'node' | 'client') => (l: (typeof issued.nodes)[number]) => ({
    name: l.name,
    certPem: l.certPem,
    keyPem: l.keyPem,
    chainPem: caChain,
    meta: certificateMeta(l.certPem, { profile }, l.sans),
    notes: l.notes,
  });
  const snippets = renderSnippets(clusterBundle(issued), target.layout, targetSnippets(target));
  return {
    ca: {
      certPem: issued.ca.certPem,
      keyPem: issued.ca.keyPem ?? '',
      chainPem: '',
      meta: certificateMeta(issued.ca.certPem, { profile: 'root' }),
      notes: issued.ca.notes,
    },
    nodes: issued.nodes.map(leaf('node')),
    clients: issued.clients.map(leaf('client')),
    layout: target.layout,
    snippets: snippets.flatMap((s) =>
      s.code === undefined
        ? []
        : [
            {
              title: s.snippet.label,
              fileName: s.fileName,
              code: s.code,
              ...(s.caution ? { caution: s.caution } : {}),
            },
          ],
    ),
    warnings: issued.notes,
  };
}
