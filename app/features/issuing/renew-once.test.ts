/**
 * A certificate or cluster is renewed once (review L2 of session 5): a second Renew of the same
 * item, whether clicked after the first finished or while it is still in the worker, is refused
 * naming the successor, and the first renewal's link stays. Before, the second made another
 * successor and overwrote supersededBy, leaving two current bundles. The cluster is made by the
 * worker's setup and saved as the Cluster view saves it; renewItem and renewBundle run over the real
 * worker protocol and operations on a MessageChannel.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appStore, selectItemList, type WorkspaceItem } from '../../store/index.ts';
import { saveCluster } from '../cluster/save-cluster.ts';
import { setUpCluster } from '../../worker/cluster-setup.ts';
import { deleteWithDependants, renewBundle, renewItem } from './lifecycle-actions.ts';
import { closeInProcessClients } from '../../worker/testing/channel-worker.ts';

vi.mock('../../worker/client.ts', async (original) =>
  (await import('../../worker/testing/channel-worker.ts')).inProcessClient(
    await original<typeof import('../../worker/client.ts')>(),
  ),
);

afterAll(closeInProcessClients);

async function savedCluster(name: string): Promise<{ bundle: WorkspaceItem; leaf: WorkspaceItem }> {
  const made = await setUpCluster(
    {
      cluster: name,
      nodes: `${name}-1 10.0.0.1`,
      clients: ['app'],
      target: 'node',
      keyAlgorithm: 'p256',
      caDays: 30,
      leafDays: 10,
    },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  saveCluster(appStore.getState(), name, 'node', made);
  const items = selectItemList(appStore.getState());
  const bundle = items.find((i) => i.kind === 'bundle' && i.name.startsWith(name));
  const leaf = items.find((i) => i.kind === 'certificate' && i.name === `${name}-1`);
  if (!bundle || !leaf) throw new Error('the cluster was not saved');
  return { bundle, leaf };
}

const currentBundles = (name: string) =>
  selectItemList(appStore.getState()).filter(
    (i) => i.kind === 'bundle' && i.name.startsWith(name) && !i.meta.supersededBy,
  );

describe('renew once', () => {
  const rows: { name: string; renew: (id: string) => Promise<WorkspaceItem>; item: 'bundle' | 'leaf' }[] = [
    { name: 'a cluster', renew: renewBundle, item: 'bundle' },
    { name: 'a certificate', renew: renewItem, item: 'leaf' },
  ];
  for (const [i, row] of rows.entries()) {
    it(`${row.name}: two clicks in flight renew once, and a later click is refused`, async () => {
      const made = await savedCluster(`once${i}`);
      const id = made[row.item].id;
      // Which click's worker call answers first is not fixed: exactly one of them renews.
      const settled = await Promise.allSettled([row.renew(id), row.renew(id)]);
      const renewed = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const refused = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      expect(renewed).toHaveLength(1);
      const successor = renewed[0];
      expect(appStore.getState().items[id]?.meta.supersededBy).toBe(successor?.id);
      expect(refused).toEqual([expect.stringContaining(`has already been renewed as ${successor?.name}`)]);
      await expect(row.renew(id)).rejects.toThrow(/has already been renewed/);
      expect(appStore.getState().items[id]?.meta.supersededBy).toBe(successor?.id);
      if (row.item === 'bundle') expect(currentBundles(`once${i}`)).toHaveLength(1);
    });
  }

  it('a certificate whose renewal was deleted can be renewed again (review L5)', async () => {
    const { leaf } = await savedCluster('again');
    const mistaken = await renewItem(leaf.id);
    deleteWithDependants(mistaken.id);
    const renewed = await renewItem(leaf.id);
    expect(appStore.getState().items[leaf.id]?.meta.supersededBy).toBe(renewed.id);
  });
});
