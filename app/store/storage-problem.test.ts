/**
 * A workspace that cannot be stored says so, and loses nothing: IndexedDB unavailable (a private
 * window), a read that fails, the storage full (QuotaExceededError) on a write. The items stay in
 * memory, and once a write succeeds again (Try saving again) the problem clears and they are stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './create-store.ts';
import { memoryRecordStore, type RecordStore } from './record-store.ts';

const opened: AppStore[] = [];
let channelCount = 0;
afterEach(() => {
  for (const t of opened.splice(0)) t.dispose();
});

function tab(records: RecordStore, persistent = true): AppStore {
  const t = createAppStore({ records, channelName: `storage-problem-${process.pid}-${channelCount++}`, persistent });
  opened.push(t);
  return t;
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const cert = (name: string) => ({ kind: 'certificate' as const, name, pem: `PEM of ${name}`, meta: {} });

describe('a workspace that cannot be stored', () => {
  const unavailable = [
    {
      name: 'no IndexedDB at all (a memory stand-in)',
      records: memoryRecordStore(),
      persistent: false,
      want: /no IndexedDB/,
    },
    {
      name: 'IndexedDB refuses to open (private window)',
      records: {
        ...memoryRecordStore(),
        getAll: () => Promise.reject(new DOMException('denied', 'InvalidStateError')),
      },
      persistent: true,
      want: /IndexedDB refused: denied/,
    },
  ];
  for (const row of unavailable) {
    it(`${row.name}: says so and keeps what is made in memory`, async () => {
      const t = tab(row.records, row.persistent);
      await t.hydration;
      const problem = t.store.getState().storageProblem;
      expect(problem?.kind).toBe('unavailable');
      expect(problem?.message).toMatch(row.want);
      expect(problem?.message).toMatch(/export the workspace/);
      t.store.getState().addItems([cert('n1')]);
      await t.storage.flush();
      expect(Object.values(t.store.getState().items).map((i) => i.name)).toEqual(['n1']);
      expect(t.store.getState().storageProblem?.kind).toBe('unavailable');
    });
  }

  it('storage full: the banner names it, the items stay, and a retry after space is freed stores them', async () => {
    const records = memoryRecordStore();
    let full = true;
    const t = tab({ ...records, put: (rs) => (full ? Promise.reject(quota()) : records.put(rs)) });
    await t.hydration;
    t.store.getState().addItems([cert('n1'), cert('n2')]);
    await t.storage.flush();
    expect(t.store.getState().storageProblem?.kind).toBe('full');
    expect(t.store.getState().storageProblem?.message).toMatch(/storage for certbench is full/);
    expect(Object.keys(t.store.getState().items)).toHaveLength(2);
    expect(records.records.size).toBe(0);

    full = false;
    await t.retrySaves();
    expect(t.store.getState().storageProblem).toBeUndefined();
    expect([...records.records.values()].map((r) => (r.item as { name: string }).name).sort()).toEqual(['n1', 'n2']);
  });

  it('another write error is named with its message, and the next successful save clears it', async () => {
    const records = memoryRecordStore();
    let broken = true;
    const t = tab({ ...records, put: (rs) => (broken ? Promise.reject(new Error('disk on fire')) : records.put(rs)) });
    await t.hydration;
    t.store.getState().addItems([cert('n1')]);
    await t.storage.flush();
    expect(t.store.getState().storageProblem?.kind).toBe('failed');
    expect(t.store.getState().storageProblem?.message).toMatch(/disk on fire/);
    broken = false;
    // Any later change saves again, the unsaved item with it.
    t.store.getState().addItems([cert('n2')]);
    await t.storage.flush();
    expect(t.store.getState().storageProblem).toBeUndefined();
    expect(records.records.size).toBe(2);
  });
});
