// Removing the key lock is one write: the keys go back to plaintext and the lock's record goes,
// together or not at all. A tab closed (or a disk that fails) partway through must leave either
// the keys sealed under their lock or plaintext with no lock, and every key readable.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStore } from './create-store.ts';
import { LOCK_RECORD_ID } from './key-vault.ts';
import type { RecordStore } from './record-store.ts';
import {
  byName,
  disposeTabs,
  expectNoKeyIn,
  lockedWorkspace,
  newChannel,
  PASS,
  rawText,
  tab,
  workspaceItems,
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

/** After the removal: `name`'s key is open in the removing tab `a`, and in plaintext for a tab opened now. */
async function expectWrittenBack(a: AppStore, records: Records, name: string, keyPem: string): Promise<void> {
  expect(byName(a, name).keyPem).toBe(keyPem);
  const c = await tab(records);
  expect(c.store.getState().keyLock).toBe('off');
  expect(byName(c, name).keyPem).toBe(keyPem);
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

  /**
   * `records` for the removing tab, where `meanwhile` runs (another tab saving) once read number
   * `read` after arm() has taken its snapshot (1: the read the removal opens; 2: its sweep).
   */
  function savingDuringRead(records: Records, read: number, meanwhile: () => Promise<void>) {
    let reads: number | undefined;
    const store: RecordStore = {
      getAll: async () => {
        const all = await records.getAll();
        if (reads !== undefined && ++reads === read) await meanwhile();
        return all;
      },
      put: (rs, options) => records.put(rs, options),
      delete: (ids) => records.delete(ids),
    };
    return { store, arm: () => void (reads = 0) };
  }

  it('a key another tab seals while the removal opens the others is written back in plaintext too', async () => {
    const { records } = await lockedWorkspace();
    const [extra] = await workspaceItems();
    if (!extra?.keyPem) throw new Error('no CA');
    const b = await tab(records); // another channel: it never hears of the removal
    await b.store.getState().unlockKeys(PASS);
    const hooked = savingDuringRead(records, 1, async () => {
      b.store.getState().addItems([{ ...extra, name: 'sealed meanwhile' }]);
      await b.storage.flush();
      expectNoKeyIn(records, [extra.keyPem ?? '']); // stored sealed, under the lock being removed
    });
    const a = await tab(hooked.store);
    hooked.arm();
    await a.store.getState().removeKeyLock(PASS);
    await expectWrittenBack(a, records, 'sealed meanwhile', extra.keyPem);
  });

  it('a key another tab sealed and stored before the removal, unknown to the removing tab, is written back too', async () => {
    const { records, a } = await lockedWorkspace();
    // A tab on another channel: this one never hears of its item, as with a message still in flight.
    const b = await tab(records);
    const [extra] = await workspaceItems();
    if (!extra?.keyPem) throw new Error('no CA');
    b.store.getState().addItems([{ ...extra, name: 'sealed before' }]);
    await b.storage.flush();
    expectNoKeyIn(records, [extra.keyPem]);
    await a.store.getState().removeKeyLock(PASS);
    await expectWrittenBack(a, records, 'sealed before', extra.keyPem);
  });

  it('a key another tab seals after the removal last read is written back by that tab when it hears', async () => {
    const { records } = await lockedWorkspace();
    const [extra] = await workspaceItems();
    if (!extra?.keyPem) throw new Error('no CA');
    const channel = newChannel();
    const b = await tab(records, channel); // hears the removal, after its own save
    await b.store.getState().unlockKeys(PASS);
    const hooked = savingDuringRead(records, 2, async () => {
      b.store.getState().addItems([{ ...extra, name: 'sealed after the sweep' }]);
      await b.storage.flush();
      expectNoKeyIn(records, [extra.keyPem ?? '']);
    });
    const a = await tab(hooked.store, channel);
    hooked.arm();
    await a.store.getState().removeKeyLock(PASS);
    await vi.waitFor(() => expect(b.store.getState().keyLock).toBe('off'));
    await b.storage.flush();
    await expectWrittenBack(b, records, 'sealed after the sweep', extra.keyPem);
    expect(rawText(records)).toContain(extra.keyPem);
  });
});
