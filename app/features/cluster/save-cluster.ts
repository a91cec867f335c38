/** Put a finished cluster into the workspace: the CA, its certificates, and a bundle that lists them. */
import type { AppState } from '../../store/index.ts';
import type { ClusterResult, TargetId } from '../../worker/pki-contract.ts';

export function saveCluster(state: Pick<AppState, 'addItems'>, cluster: string, target: TargetId, result: ClusterResult): void {
  const [ca] = state.addItems([{
    kind: 'ca', name: `${cluster} CA`, pem: result.ca.certPem, ...(result.ca.keyPem ? { keyPem: result.ca.keyPem } : {}),
    meta: { ...result.ca.meta, profile: 'root' },
  }]);
  if (!ca) return;
  const leaves = state.addItems([
    ...result.nodes.map((n) => ({ kind: 'certificate' as const, name: n.name, pem: n.certPem, ...(n.keyPem ? { keyPem: n.keyPem } : {}), chainPem: n.chainPem, parentId: ca.id, meta: { ...n.meta, profile: 'node' } })),
    ...result.clients.map((c) => ({ kind: 'certificate' as const, name: c.name, pem: c.certPem, ...(c.keyPem ? { keyPem: c.keyPem } : {}), chainPem: c.chainPem, parentId: ca.id, meta: { ...c.meta, profile: 'client' } })),
  ]);
  state.addItems([{
    kind: 'bundle', name: `${cluster} (${target})`, pem: '', parentId: ca.id,
    meta: { layout: result.layout, target, members: [ca.id, ...leaves.map((l) => l.id)] },
  }]);
}
