import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyVault, lockedItem, LOCK_RECORD_ID } from './key-vault.ts';
import { unwrapLockKey, wrapLockKey } from '../pki/index.ts';
import { createLock } from '../pki/sealing/index.ts';
import { UnlockCancelled } from './key-lock-slice.ts';
import { hasPrivateKey, keyAccess } from './key-access.ts';
import { memoryRecordStore, type ItemRecord } from './record-store.ts';
import type { WorkspaceItem } from './types.ts';
import {
  byName,
  disposeTabs,
  expectNoKeyIn,
  keysOf,
  lockedWorkspace,
  newChannel,
  ITERATIONS,
  PASS,
  rawText,
  tab,
  workspaceItems,
  wrongPassphraseError,
  type Records,
} from './testing/key-lock-tabs.ts';

afterEach(() => {
  disposeTabs();
  vi.restoreAllMocks();
});

/** Put the sealed key of the record named `from` onto the record named `to` (a damaged record). */
function moveSealedKey(records: Records, from: string, to: string): void {
  const recs = [...records.records.values()] as (ItemRecord & { item: { name: string; sealedKey?: unknown } })[];
  const source = recs.find((r) => r.item.name === from);
  const target = recs.find((r) => r.item.name === to);
  if (!source || !target) throw new Error('records missing');
  records.records.set(target.id, { ...target, item: { ...target.item, sealedKey: source.item.sealedKey } });
}

/** Give the stored lock record another version (a newer certbench's, which this one cannot read). */
function setLockVersion(records: Records, version: number): void {
  const rec = records.records.get(LOCK_RECORD_ID);
  if (!rec) throw new Error('no lock record');
  records.records.set(LOCK_RECORD_ID, { ...rec, item: { ...(rec.item as object), version } });
}

/** A leaf stored with its key in plaintext, as a tab that did not know of the lock writes it. */
async function plainLeafRecord(records: Records): Promise<{ id: string; keyPem: string }> {
  const leaf = (await workspaceItems())[1];
  if (!leaf?.keyPem) throw new Error('no leaf');
  const id = 'abcdefabcdefabcdefabcdef';
  const item = { ...leaf, id, name: 'old tab leaf', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '' };
  await records.put([{ id, version: 2, item }]);
  return { id, keyPem: leaf.keyPem };
}

describe('key lock: private keys sealed at rest', () => {
  it('before a lock the keys are stored in plaintext (so the search below can find them)', async () => {
    const records = memoryRecordStore();
    const t = await tab(records);
    const made = await workspaceItems();
    t.store.getState().addItems(made);
    await t.storage.flush();
    const text = rawText(records);
    for (const key of keysOf(made)) expect(text.includes(key)).toBe(true);
  });

  it('after setting a lock no record holds any private key, as PEM, base64 or DER; certificates stay readable', async () => {
    const { records, a, made, keys } = await lockedWorkspace();
    expect(keys).toHaveLength(3);
    expectNoKeyIn(records, keys);
    const text = rawText(records);
    for (const item of made.filter((i) => i.kind !== 'key')) expect(text.includes(item.pem)).toBe(true);
    expect(records.records.get(LOCK_RECORD_ID)).toBeDefined();
    // Still open in the tab that set it.
    expect(a.store.getState().keyLock).toBe('unlocked');
    expect(byName(a, 'db-1').keyPem).toBe(made[1]?.keyPem);
  });

  it('a key made while locked (a new root CA) is stored sealed without asking for the passphrase', async () => {
    const { records } = await lockedWorkspace();
    const b = await tab(records);
    expect(b.store.getState().keyLock).toBe('locked');
    const extra = await workspaceItems();
    b.store.getState().addItems(extra.slice(0, 1).map((i) => ({ ...i, name: 'made while locked' })));
    await b.storage.flush();
    expectNoKeyIn(records, keysOf(extra.slice(0, 1)));
    const c = await tab(records);
    await c.store.getState().unlockKeys(PASS);
    expect(byName(c, 'made while locked').keyPem).toBe(extra[0]?.keyPem);
  });

  it('reload: certificates listed, keys locked; a wrong passphrase changes nothing; the right one opens every key', async () => {
    const { records, made } = await lockedWorkspace();
    const before = rawText(records);
    const b = await tab(records);
    const state = b.store.getState();
    expect(state.keyLock).toBe('locked');
    expect(Object.keys(state.items)).toHaveLength(3);
    const ca = byName(b, 'Lock Test Root');
    expect(ca).toMatchObject({ pem: made[0]?.pem, keyLocked: true });
    expect(ca.keyPem).toBeUndefined();
    expect(byName(b, 'spare key')).toMatchObject({ pem: '', keyLocked: true });

    const waiting = b.store.getState().requestUnlock('Issue a certificate');
    expect(b.store.getState().unlockRequest).toEqual({ purpose: 'Issue a certificate' });
    await wrongPassphraseError(b.store.getState().unlockKeys('not the passphrase'));
    expect(b.store.getState().keyLock).toBe('locked');
    expect(b.store.getState().unlockRequest).toBeDefined(); // the prompt stays open beside its error
    expect(rawText(records)).toBe(before);

    await b.store.getState().unlockKeys(PASS);
    await expect(waiting).resolves.toBeUndefined();
    expect(b.store.getState()).toMatchObject({ keyLock: 'unlocked', unlockRequest: undefined });
    expect(byName(b, 'Lock Test Root').keyPem).toBe(made[0]?.keyPem);
    expect(byName(b, 'db-1').keyPem).toBe(made[1]?.keyPem);
    expect(byName(b, 'spare key').pem).toBe(made[2]?.pem);
    expect(byName(b, 'db-1').keyLocked).toBeUndefined();
    await b.storage.flush();
    expect(rawText(records)).toBe(before); // opening writes nothing back
  });

  it('an edit while locked (rename) keeps the sealed key; declining the prompt rejects the action', async () => {
    const { records, made } = await lockedWorkspace();
    const b = await tab(records);
    b.store.getState().renameItem(byName(b, 'db-1').id, 'db-1 renamed');
    await b.storage.flush();
    const waiting = b.store.getState().requestUnlock('Renew db-1');
    b.store.getState().cancelUnlock();
    await expect(waiting).rejects.toBeInstanceOf(UnlockCancelled);
    const c = await tab(records);
    await c.store.getState().unlockKeys(PASS);
    expect(byName(c, 'db-1 renamed').keyPem).toBe(made[1]?.keyPem);
  });

  it('Lock now takes the keys out of memory; they open again with the passphrase', async () => {
    const { a, made } = await lockedWorkspace();
    await a.store.getState().lockKeys();
    expect(a.store.getState().keyLock).toBe('locked');
    expect(Object.values(a.store.getState().items).some((i) => i.keyPem || (i.kind === 'key' && i.pem))).toBe(false);
    await a.store.getState().unlockKeys(PASS);
    expect(byName(a, 'Lock Test Root').keyPem).toBe(made[0]?.keyPem);
  });

  it('change passphrase: the current one is asked for, only the lock record is rewritten, the old one stops working', async () => {
    const { records, a, made } = await lockedWorkspace();
    const sealedBefore = [...records.records.values()].filter((r) => r.id !== LOCK_RECORD_ID);
    await wrongPassphraseError(a.store.getState().changeKeyPassphrase('wrong current', 'a new passphrase'));
    await expect(a.store.getState().changeKeyPassphrase(PASS, 'short')).rejects.toMatchObject({
      field: 'newPassphrase',
    });
    await a.store.getState().changeKeyPassphrase(PASS, 'a new passphrase');
    await a.storage.flush();
    expect([...records.records.values()].filter((r) => r.id !== LOCK_RECORD_ID)).toEqual(sealedBefore);
    const b = await tab(records);
    await wrongPassphraseError(b.store.getState().unlockKeys(PASS));
    await b.store.getState().unlockKeys('a new passphrase');
    expect(byName(b, 'db-1').keyPem).toBe(made[1]?.keyPem);
  });

  it('remove the lock: asks for the passphrase, then stores the keys in plaintext and drops the lock record', async () => {
    const { records, made } = await lockedWorkspace();
    const b = await tab(records);
    await wrongPassphraseError(b.store.getState().removeKeyLock('nope nope nope'));
    await b.store.getState().removeKeyLock(PASS);
    await b.storage.flush();
    expect(b.store.getState().keyLock).toBe('off');
    expect(records.records.has(LOCK_RECORD_ID)).toBe(false);
    const text = rawText(records);
    for (const key of keysOf(made)) expect(text.includes(key)).toBe(true);
    const c = await tab(records);
    expect(c.store.getState().keyLock).toBe('off');
    expect(byName(c, 'spare key').pem).toBe(made[2]?.pem);
  });

  it('a new passphrase shorter than 8 characters is refused, naming the field', async () => {
    const t = await tab(memoryRecordStore());
    await expect(t.store.getState().setKeyPassphrase('1234567')).rejects.toMatchObject({ field: 'passphrase' });
    expect(t.store.getState().keyLock).toBe('off');
  });

  it('a sealed key moved onto another record does not open: that item stays locked and the lock cannot be removed', async () => {
    const { records } = await lockedWorkspace();
    moveSealedKey(records, 'Lock Test Root', 'db-1');
    const b = await tab(records);
    await b.store.getState().unlockKeys(PASS);
    expect(b.store.getState().keyLockFailures).toEqual(['db-1']);
    expect(byName(b, 'db-1').keyLocked).toBe(true);
    expect(byName(b, 'Lock Test Root').keyPem).toBeDefined();
    await expect(b.store.getState().removeKeyLock(PASS)).rejects.toThrow(/db-1/);
    expect(records.records.has(LOCK_RECORD_ID)).toBe(true);
  });

  it('migration: an unlocked workspace of schema v1 is brought to v2 and sealed when the lock is set', async () => {
    const made = await workspaceItems();
    const records = memoryRecordStore();
    const v1 = made.map((item, n) => ({
      id: `00000000000000000000000${n}`,
      version: 1,
      item: { ...item, id: `00000000000000000000000${n}`, createdAt: '2025-01-01T00:00:00.000Z', meta: {} },
    }));
    await records.put(v1);
    const t = await tab(records);
    await t.storage.flush();
    expect([...records.records.values()].map((r) => r.version)).toEqual([2, 2, 2]);
    await t.store.getState().setKeyPassphrase(PASS);
    await t.storage.flush();
    expectNoKeyIn(records, keysOf(made));
    const b = await tab(records);
    await b.store.getState().unlockKeys(PASS);
    expect(byName(b, 'db-1').keyPem).toBe(made[1]?.keyPem);
  });

  it('a plaintext key found under a lock (written by an older certbench) is sealed at the next unlock', async () => {
    const { records, made } = await lockedWorkspace();
    const extra = (await workspaceItems())[1];
    if (!extra) throw new Error('no leaf');
    const id = 'abcdefabcdefabcdefabcdef';
    const plain = { ...extra, id, name: 'old tab leaf', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '' };
    await records.put([{ id, version: 2, item: plain }]);
    const b = await tab(records);
    await b.store.getState().unlockKeys(PASS);
    await b.storage.flush();
    expectNoKeyIn(records, [...keysOf(made), extra.keyPem ?? '']);
    const c = await tab(records);
    await c.store.getState().unlockKeys(PASS);
    expect(byName(c, 'old tab leaf').keyPem).toBe(extra.keyPem);
  });

  it('1,000 sealed keys open with one PBKDF2 run and one ECDH derivation per write batch', async () => {
    const records = memoryRecordStore();
    const a = await tab(records);
    const [ca] = await workspaceItems();
    if (!ca) throw new Error('no CA');
    a.store.getState().addItems(Array.from({ length: 1000 }, (_, n) => ({ ...ca, name: `ca ${n}` })));
    await a.storage.flush();
    await a.store.getState().setKeyPassphrase(PASS);
    await a.storage.flush();
    const b = await tab(records);
    const subtle = globalThis.crypto.subtle;
    const importKey = vi.spyOn(subtle, 'importKey');
    const deriveBits = vi.spyOn(subtle, 'deriveBits');
    await b.store.getState().unlockKeys(PASS);
    const pbkdf2 = importKey.mock.calls.filter(([, , algorithm]) => algorithm === 'PBKDF2');
    const ecdh = deriveBits.mock.calls.filter(([algorithm]) => (algorithm as { name: string }).name === 'ECDH');
    expect({ pbkdf2: pbkdf2.length, ecdh: ecdh.length }).toEqual({ pbkdf2: 1, ecdh: 1 });
    const items = Object.values(b.store.getState().items);
    expect(items.filter((i) => i.keyPem === ca.keyPem)).toHaveLength(1000);
  });

  it('two tabs: a lock set in one takes the keys out of the other, whose later saves stay sealed', async () => {
    const records = memoryRecordStore();
    const channel = newChannel();
    const a = await tab(records, channel);
    const b = await tab(records, channel);
    const made = await workspaceItems();
    a.store.getState().addItems(made);
    await a.storage.flush();
    await vi.waitFor(() => expect(Object.keys(b.store.getState().items)).toHaveLength(3));
    await a.store.getState().setKeyPassphrase(PASS);
    await vi.waitFor(() => expect(b.store.getState().keyLock).toBe('locked'));
    expect(byName(b, 'db-1')).toMatchObject({ keyLocked: true });
    expect(byName(b, 'db-1').keyPem).toBeUndefined();
    b.store.getState().renameItem(byName(b, 'db-1').id, 'db-1 in tab b');
    await b.storage.flush();
    expectNoKeyIn(records, keysOf(made));
    const c = await tab(records);
    await c.store.getState().unlockKeys(PASS);
    expect(byName(c, 'db-1 in tab b').keyPem).toBe(made[1]?.keyPem);
  });

  it.each([
    [
      'damaged (a future version)',
      (records: Records) => setLockVersion(records, 2),
      /damaged or was written by a newer/,
    ],
    ['missing', (records: Records) => void records.records.delete(LOCK_RECORD_ID), /lock's record is missing/],
  ])(
    'a lock record %s: keys shown locked, unlocking says why it cannot, and a rename keeps the sealed key',
    async (_case, spoil, said) => {
      const { records, made } = await lockedWorkspace();
      const lockRecord = records.records.get(LOCK_RECORD_ID);
      if (!lockRecord) throw new Error('no lock record');
      spoil(records);
      const b = await tab(records);
      expect(b.store.getState().keyLock).toBe('locked');
      await expect(b.store.getState().unlockKeys(PASS)).rejects.toThrow(said);
      b.store.getState().renameItem(byName(b, 'db-1').id, 'db-1 renamed');
      await b.storage.flush();
      expectNoKeyIn(records, keysOf(made));
      await records.put([lockRecord]); // the lock's record as it was: the renamed item's key opens
      const c = await tab(records);
      await c.store.getState().unlockKeys(PASS);
      expect(byName(c, 'db-1 renamed').keyPem).toBe(made[1]?.keyPem);
    },
  );

  it('a locked item keeps its sealed key when written with no lock known, and is refused when its sealed key is unknown', async () => {
    const [ca] = await workspaceItems();
    if (!ca) throw new Error('no CA');
    const item: WorkspaceItem = { ...ca, id: 'abcdefabcdefabcdefabcdef', createdAt: '', updatedAt: '' };
    const { header } = await createLock({ wrap: wrapLockKey, unwrap: unwrapLockKey }, PASS, ITERATIONS);
    const sealer = keyVault();
    sealer.setHeader(header);
    const [sealedRecord] = await sealer.toRecords([item], 2);
    if (!sealedRecord) throw new Error('nothing sealed');
    // A tab that heard the lock removed (no header) but still holds the item locked.
    const noLock = keyVault();
    expect((await noLock.fromRecord(sealedRecord)).locked).toBe(true);
    const [written] = await noLock.toRecords([lockedItem(item)], 2);
    expect(written?.item).toEqual(sealedRecord.item);
    // A tab under the lock that never read the item's sealed key.
    await expect(sealer.toRecords([lockedItem({ ...item, id: 'fedcbafedcbafedcbafedcba' })], 2)).rejects.toThrow(
      /would be lost/,
    );
  });

  it('a plaintext key of the current version under a lock is sealed when the workspace loads, without unlocking', async () => {
    const { records } = await lockedWorkspace();
    const extra = await plainLeafRecord(records);
    const b = await tab(records);
    await b.storage.flush();
    expect(b.store.getState().keyLock).toBe('locked');
    expectNoKeyIn(records, [extra.keyPem]);
  });

  it('two tabs: a plaintext key another tab wrote before it heard of the lock is sealed by the tab that hears it', async () => {
    const channel = newChannel();
    const { records, a } = await lockedWorkspace(channel);
    // What a late tab's write job does: its plaintext record lands, then its message goes out.
    const extra = await plainLeafRecord(records);
    const late = new BroadcastChannel(channel);
    late.postMessage({ put: [records.records.get(extra.id)], deleted: [] });
    late.close();
    await vi.waitFor(() => expect(byName(a, 'old tab leaf').keyPem).toBe(extra.keyPem));
    await a.storage.flush();
    expectNoKeyIn(records, [extra.keyPem]);
    await a.store.getState().lockKeys(); // sealed at rest, so Lock now takes it out of memory
    expect(byName(a, 'old tab leaf')).toMatchObject({ keyLocked: true });
    expect(byName(a, 'old tab leaf').keyPem).toBeUndefined();
  });

  it('two tabs that have not heard of each other cannot both set a lock: the second is refused, the first stays', async () => {
    const records = memoryRecordStore();
    const a = await tab(records);
    const b = await tab(records); // another channel: b never hears a's lock
    const made = await workspaceItems();
    a.store.getState().addItems(made);
    await a.storage.flush();
    await a.store.getState().setKeyPassphrase(PASS);
    await expect(b.store.getState().setKeyPassphrase('another passphrase')).rejects.toThrow(/another tab/);
    expect(b.store.getState().keyLock).toBe('off');
    const c = await tab(records);
    await c.store.getState().unlockKeys(PASS);
    expect(byName(c, 'db-1').keyPem).toBe(made[1]?.keyPem);
  });

  it('withKey refuses an item whose sealed key did not open, rather than hand it back still locked', async () => {
    const { records } = await lockedWorkspace();
    moveSealedKey(records, 'Lock Test Root', 'db-1');
    const b = await tab(records);
    await b.store.getState().unlockKeys(PASS);
    expect(b.store.getState().keyLock).toBe('unlocked');
    const { withKey } = keyAccess(b.store);
    await expect(withKey(byName(b, 'db-1'), 'Renewing db-1')).rejects.toThrow(/sealed key of db-1 could not be opened/);
  });

  it('two tabs: the unlock prompt closes and the action goes on when the other tab removes the lock', async () => {
    const channel = newChannel();
    const { records, a } = await lockedWorkspace(channel);
    const b = await tab(records, channel);
    const waiting = b.store.getState().requestUnlock('Issue a certificate');
    expect(b.store.getState().unlockRequest).toBeDefined();
    await a.store.getState().removeKeyLock(PASS);
    await vi.waitFor(() => expect(b.store.getState().keyLock).toBe('off'));
    await expect(waiting).resolves.toBeUndefined();
    expect(b.store.getState().unlockRequest).toBeUndefined();
  });

  it('two tabs: a change that fails to apply does not stop the later ones', async () => {
    const records = memoryRecordStore();
    const channel = newChannel();
    const a = await tab(records, channel);
    const b = await tab(records, channel);
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    b.storage.onRemote(() => {
      if (fail) {
        fail = false;
        throw new Error('listener failed');
      }
    });
    const [first, second] = await workspaceItems();
    if (!first || !second) throw new Error('no items');
    a.store.getState().addItems([first]);
    await a.storage.flush();
    await vi.waitFor(() => expect(reported).toHaveBeenCalled());
    a.store.getState().addItems([second]);
    await a.storage.flush();
    await vi.waitFor(() => expect(Object.keys(b.store.getState().items)).toHaveLength(2));
  });

  it('withKey: a locked CA comes back with its key once unlocked, or undefined when the user declines', async () => {
    const { records, made } = await lockedWorkspace();
    const b = await tab(records);
    const { withKey } = keyAccess(b.store);
    const ca = byName(b, 'Lock Test Root');
    expect(hasPrivateKey(ca)).toBe(true);
    expect(ca.keyPem).toBeUndefined();

    const declined = withKey(ca, 'Issuing a certificate');
    await vi.waitFor(() => expect(b.store.getState().unlockRequest).toBeDefined());
    b.store.getState().cancelUnlock();
    await expect(declined).resolves.toBeUndefined();

    const accepted = withKey(ca, 'Issuing a certificate');
    await vi.waitFor(() => expect(b.store.getState().unlockRequest).toBeDefined());
    await b.store.getState().unlockKeys(PASS);
    expect((await accepted)?.keyPem).toBe(made[0]?.keyPem);
    // Unlocked (or never locked): no prompt, the item as given.
    const open = byName(b, 'Lock Test Root');
    await expect(withKey(open, 'Issuing a certificate')).resolves.toBe(open);
    expect(hasPrivateKey({ keyPem: undefined, keyLocked: undefined })).toBe(false);
  });
});
