// Removing the key lock is one write: the keys go back to plaintext and the lock's record goes,
// together or not at all. A tab closed (or a disk that fails) partway through must leave either
// the keys sealed under their lock or plaintext with no lock, and every key readable.
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_RECORD_ID } from './key-vault.ts';
import type { RecordStore } from './record-store.ts';
import {
  byName,
  disposeTabs,
  expectNoKeyIn,
  lockedWorkspace,
  PASS,
  rawText,
  tab,
  type Records,
} from './testing/key-lock-tabs.ts';

afterEach(disposeTabs);

/**
 * `records` as a process that stops after `writes` more writes: every put or delete after them
 * stores nothing and fails, as a closed tab's never-committed transaction does.
 */
function stoppingAfter(records: Records, writes: number): RecordStore {
  let left = writes;
  const stopped = () => Promise.reject(new Error('the tab closed'));
  return {
    getAll: () => records.getAll(),
    put: (rs, options) => (left-- > 0 ? records.put(rs, options) : stopped()),
    delete: (ids) => (left-- > 0 ? records.delete(ids) : stopped()),
  };
}

const rows = [
  { name: 'stopped before its first write', writes: 0 },
  { name: 'stopped after its first write', writes: 1 },
  { name: 'stopped after its second write', writes: 2 },
];

describe('remove the lock is one transaction', () => {
  for (const row of rows)
    it(`${row.name}: keys sealed under the lock or plaintext without it, each readable`, async () => {
      const { records, made, keys } = await lockedWorkspace();
      const b = await tab(stoppingAfter(records, row.writes));
      await b.store
        .getState()
        .removeKeyLock(PASS)
        .catch(() => undefined);

      const lockStored = records.records.has(LOCK_RECORD_ID);
      if (lockStored) expectNoKeyIn(records, keys);
      else for (const key of keys) expect(rawText(records).includes(key)).toBe(true);

      // What a tab opened afterwards reads: every key, after the passphrase when still locked.
      const after = await tab(records);
      expect(after.store.getState().keyLock).toBe(lockStored ? 'locked' : 'off');
      if (lockStored) await after.store.getState().unlockKeys(PASS);
      expect(byName(after, 'Lock Test Root').keyPem).toBe(made[0]?.keyPem);
      expect(byName(after, 'db-1').keyPem).toBe(made[1]?.keyPem);
      expect(byName(after, 'spare key').pem).toBe(made[2]?.pem);
    });

  it('the removal writes once, with the lock record deleted in that write', async () => {
    const { records } = await lockedWorkspace();
    const writes: string[] = [];
    const b = await tab({
      getAll: () => records.getAll(),
      put: (rs, options) => {
        writes.push(`put ${rs.length} deleting ${(options?.deleting ?? []).join(',')}`);
        return records.put(rs, options);
      },
      delete: (ids) => {
        writes.push(`delete ${ids.join(',')}`);
        return records.delete(ids);
      },
    });
    await b.store.getState().removeKeyLock(PASS);
    expect(writes).toEqual([`put 3 deleting ${LOCK_RECORD_ID}`]);
    expect(records.records.has(LOCK_RECORD_ID)).toBe(false);
  });
});
