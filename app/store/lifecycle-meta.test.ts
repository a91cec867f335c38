/** Issue 11's item facts in the store: a CA's revocations and a renewed certificate's successor survive a reload, undo puts deleted items back. */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './create-store.ts';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';
import { memoryRecordStore } from './record-store.ts';

const revocations = {
  format: 'certbench-revocations/1' as const,
  crlNumber: 3,
  revoked: [
    { serial: '4f1c', subject: 'CN=app', revokedAt: '2026-12-01T00:00:00.000Z', reason: 'keyCompromise' as const },
  ],
};
const base = {
  id: 'ca1',
  kind: 'ca',
  name: 'root',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
  pem: 'P',
};

describe('migrateItem keeps the lifecycle facts it can check', () => {
  const rows = [
    { name: 'a revocation list', meta: { revocations }, want: { revocations } },
    { name: 'a successor id', meta: { supersededBy: 'n2' }, want: { supersededBy: 'n2' } },
    { name: 'a damaged list is dropped', meta: { revocations: { ...revocations, crlNumber: -1 } }, want: {} },
    {
      name: 'an unknown reason drops the list',
      meta: { revocations: { ...revocations, revoked: [{ ...revocations.revoked[0], reason: 'bored' }] } },
      want: {},
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(migrateItem({ ...base, meta: row.meta }, SCHEMA_VERSION)?.meta).toEqual(row.want);
    });
  }
});

const opened: AppStore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.dispose();
});

describe('updateMeta and restoreItems', () => {
  it('the CA remembers its revocations across a reload; a deleted item comes back on undo', async () => {
    const records = memoryRecordStore();
    const first = createAppStore({ records, channelName: 'lifecycle-a' });
    opened.push(first);
    await first.hydration;
    const [ca, leaf] = first.store.getState().addItems([
      { kind: 'ca', name: 'root', pem: 'P', meta: {} },
      { kind: 'certificate', name: 'app', pem: 'Q', meta: {} },
    ]);
    if (!ca || !leaf) throw new Error('not added');
    first.store.getState().updateMeta(ca.id, { revocations });
    first.store.getState().updateMeta(leaf.id, { supersededBy: 'next' });
    const removed = first.store.getState().items[leaf.id];
    first.store.getState().removeItems([leaf.id]);
    if (removed) first.store.getState().restoreItems([removed]);
    await first.storage.flush();

    const again = createAppStore({ records, channelName: 'lifecycle-b' });
    opened.push(again);
    await again.hydration;
    const items = again.store.getState().items;
    expect(items[ca.id]?.meta.revocations).toEqual(revocations);
    expect(items[leaf.id]?.meta.supersededBy).toBe('next');
  });
});
