/** Put a finished cluster into the workspace: the CA, its certificates, and a bundle that lists them. */
import type { AppState } from '../../store/index.ts';
// newId and NewItem from the module that defines them: store/index.ts creates the app's store (and its
// BroadcastChannel) on import, which a Node caller (the bench, tests) should not pay for.
import { newId, type NewItem } from '../../store/types.ts';
import type { ClusterResult, TargetId } from '../../worker/pki-contract.ts';

type Leaf = ClusterResult['nodes'][number];

/**
 * One addItems call for the whole cluster, with ids chosen here so the leaves can name their CA
 * and the bundle its members: a thousand nodes make one store update and one save, not three.
 * A Cassandra bundle remembers its file form (`cassandraFormat`) so it downloads again the same
 * way; a PKCS#12 store password is not a parameter here, so it cannot end up in the workspace.
 */
export function saveCluster(
  state: Pick<AppState, 'addItems'>,
  cluster: string,
  target: TargetId,
  result: ClusterResult,
  cassandraFormat?: 'pem' | 'pkcs12',
): void {
  const caId = newId();
  const ca: NewItem = {
    id: caId,
    kind: 'ca',
    name: `${cluster} CA`,
    pem: result.ca.certPem,
    ...(result.ca.keyPem ? { keyPem: result.ca.keyPem } : {}),
    meta: { ...result.ca.meta, profile: 'root' },
  };
  const leaf = (l: Leaf, profile: 'node' | 'client'): NewItem & { id: string } => ({
    id: newId(),
    kind: 'certificate',
    name: l.name,
    pem: l.certPem,
    ...(l.keyPem ? { keyPem: l.keyPem } : {}),
    chainPem: result.leafChainPem,
    parentId: caId,
    meta: { ...l.meta, profile },
  });
  const leaves = [...result.nodes.map((n) => leaf(n, 'node')), ...result.clients.map((c) => leaf(c, 'client'))];
  const bundle: NewItem = {
    kind: 'bundle',
    name: `${cluster} (${target})`,
    pem: '',
    parentId: caId,
    meta: {
      layout: result.layout,
      target,
      cluster,
      ...(result.layout === 'cassandra' ? { cassandraFormat: cassandraFormat ?? 'pem' } : {}),
      members: [caId, ...leaves.map((l) => l.id)],
    },
  };
  state.addItems([ca, ...leaves, bundle]);
}
