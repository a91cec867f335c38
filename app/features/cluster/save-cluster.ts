/** Put a finished cluster into the workspace: the CA, its certificates, and a bundle that lists them. */
import type { AppState } from '../../store/index.ts';
// newIds and NewItem from the module that defines them: store/index.ts creates the app's store (and its
// BroadcastChannel) on import, which a Node caller (the bench, tests) should not pay for.
import { newIds, type NewItem } from '../../store/types.ts';
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
  state.addItems(clusterItems(cluster, target, result, cassandraFormat));
}

/**
 * The workspace items of a finished cluster (the CA, its leaves, the bundle), ready for one
 * addItems call. Apart from the save so the page can make them in one task and store them in the
 * next: for a thousand nodes each half is several milliseconds.
 */
export function clusterItems(
  cluster: string,
  target: TargetId,
  result: ClusterResult,
  cassandraFormat?: 'pem' | 'pkcs12',
): NewItem[] {
  // Every id at once: one getRandomValues call, not one per item.
  const ids = newIds(result.nodes.length + result.clients.length + 2);
  let nextId = 0;
  const newId = (): string => {
    const id = ids[nextId++];
    // An item without an id would be stored under '' and overwrite another: refuse, never guess.
    if (id === undefined) throw new Error(`A cluster of ${ids.length} items made more than that.`);
    return id;
  };
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
    id: newId(),
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
  return [ca, ...leaves, bundle];
}
