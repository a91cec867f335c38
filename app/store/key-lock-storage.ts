/**
 * Side effects: the RecordStore and the tab channel, through the ItemStorage's write queue.
 *
 * What setting, opening, closing, changing and removing the key lock writes. Each operation runs
 * in the storage's queue after the writes before it, and reads the items when it runs, so an item
 * saved a moment earlier is covered. The caller (key-lock-slice.ts) puts the returned items into
 * the store; they are marked stored first, so that update writes nothing again.
 */
import { PkiError } from '../pki/light/index.ts';
import type { ItemStorage } from './item-storage.ts';
import { createLock, rewrapLock, type KeyLockHeader } from '../pki/sealing/index.ts';
import { lockKeyWrapping } from './key-lock-wrapping.ts';
import { holdsSealedSecrets, lockedItem, LOCK_RECORD_ID, secretsOf } from './key-vault.ts';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';
import type { ItemRecord, RecordStore } from './record-store.ts';
import type { WorkspaceItem } from './types.ts';

/** Lowest passphrase length accepted for a new lock (NIST SP 800-63B §5.1.1.2's minimum for memorized secrets). */
export const MIN_LOCK_PASSPHRASE = 8;

export type ItemsNow = () => Record<string, WorkspaceItem>;

function lockRecord(header: KeyLockHeader): ItemRecord {
  return { id: LOCK_RECORD_ID, version: SCHEMA_VERSION, item: header };
}

/** A new passphrase is checked before any work: long enough, and not the empty string. */
export function checkNewPassphrase(passphrase: string, field = 'passphrase'): void {
  if ([...passphrase].length < MIN_LOCK_PASSPHRASE)
    throw new PkiError(
      'invalid-argument',
      field,
      `The passphrase must be at least ${MIN_LOCK_PASSPHRASE} characters long; it has ${[...passphrase].length}.`,
    );
}

/** Set a lock: every key in the workspace is sealed, with the lock, in one transaction. Stays unlocked. */
export async function setLock(
  storage: ItemStorage,
  itemsNow: ItemsNow,
  passphrase: string,
  iterations?: number,
): Promise<void> {
  checkNewPassphrase(passphrase);
  if (storage.vault.status() !== 'off') throw new Error('The keys are already locked with a passphrase.');
  const { header, privateKey } = await createLock(lockKeyWrapping(), passphrase, iterations);
  await storage.serialized(async (records, announce) => {
    storage.vault.setHeader(header, privateKey);
    try {
      const withKeys = Object.values(itemsNow()).filter((i) => secretsOf(i));
      const written = await storage.vault.toRecords(withKeys, SCHEMA_VERSION);
      // The status checked above is this tab's: another tab may have set a lock it has not heard
      // of yet. The lock's record is created only if none is stored, in the same transaction.
      await records.put([lockRecord(header), ...written], { createOnly: LOCK_RECORD_ID });
      announce({ put: written, deleted: [], lock: header });
    } catch (e) {
      storage.vault.setHeader(undefined); // nothing was written: the keys stay as they were stored
      if ((e as { name?: unknown } | null)?.name === 'ConstraintError')
        throw new Error(
          'A key lock was set in another tab a moment ago; this one was not set. Reload to use that lock.',
          { cause: e },
        );
      throw e;
    }
  });
}

/**
 * Open the lock with `passphrase` (one PBKDF2 run) and every sealed key with it. Returns the
 * opened items, and those whose sealed key would not open (damaged): they stay locked. Keys found
 * in plaintext under a lock (written by an older certbench) are sealed now.
 */
export async function unlock(
  storage: ItemStorage,
  itemsNow: ItemsNow,
  passphrase: string,
): Promise<{ opened: WorkspaceItem[]; failed: WorkspaceItem[] }> {
  if (!passphrase) throw new PkiError('wrong-password', 'password', 'Enter the passphrase.');
  await storage.vault.open(passphrase);
  const result = await storage.vault.openItems(Object.values(itemsNow()));
  storage.markStored(result.opened);
  const plain = Object.values(itemsNow()).filter((i) => secretsOf(i) && !storage.vault.isSealed(i.id));
  if (plain.length)
    await storage.serialized(async (records) => records.put(await storage.vault.toRecords(plain, SCHEMA_VERSION)));
  return result;
}

/** Lock now: the opened private key is forgotten and sealed keys leave memory. Returns the items without them. */
export async function lockNow(storage: ItemStorage, itemsNow: ItemsNow): Promise<WorkspaceItem[]> {
  await storage.flush(); // a key saved a moment ago is sealed at rest before it leaves memory
  storage.vault.close();
  const locked = Object.values(itemsNow())
    .filter((i) => secretsOf(i) && storage.vault.isSealed(i.id))
    .map(lockedItem);
  storage.markStored(locked);
  return locked;
}

/** The same lock under a new passphrase; the current one is asked for, as ssh-keygen -p does. */
export async function changePassphrase(
  storage: ItemStorage,
  current: string,
  next: string,
  iterations?: number,
): Promise<void> {
  checkNewPassphrase(next, 'newPassphrase');
  const header = storage.vault.header();
  if (!header) throw new Error('No key lock is set.');
  if (!current) throw new PkiError('wrong-password', 'password', 'Enter the current passphrase.');
  const rewrapped = await rewrapLock(lockKeyWrapping(), header, current, next, iterations);
  await storage.serialized(async (records, announce) => {
    await records.put([lockRecord(rewrapped)]);
    storage.vault.setHeader(rewrapped);
    announce({ put: [], deleted: [], lock: rewrapped });
  });
}

function lockStays(names: readonly string[]): PkiError {
  return new PkiError(
    'invalid-argument',
    'password',
    `The lock stays: the sealed key of ${names.join(', ')} would not open (damaged), and removing the lock would lose it.`,
  );
}

/** Sweeps after the removal's write for keys another tab sealed meanwhile (each sweep reads every record). */
const SWEEPS = 3;

interface Opened {
  /** The records opened, as plaintext records to write. */
  written: ItemRecord[];
  /** Names of records whose sealed key would not open. */
  stuck: string[];
  /** Items opened that this tab does not hold open (unknown to it, or still locked). */
  late: WorkspaceItem[];
}

/** Every sealed record stored now, opened with the vault's opened lock key. */
async function openStored(
  storage: ItemStorage,
  records: RecordStore,
  itemsNow: ItemsNow,
  openedHere: ReadonlySet<string>,
): Promise<Opened> {
  const out: Opened = { written: [], stuck: [], late: [] };
  for (const rec of await records.getAll()) {
    if (rec.id === LOCK_RECORD_ID || !holdsSealedSecrets(rec)) continue;
    const { value, locked } = await storage.vault.fromRecord(rec);
    const item = migrateItem(value, rec.version);
    if (locked || !item) out.stuck.push(item?.name ?? rec.id);
    else out.written.push({ id: rec.id, version: rec.version, item: value });
    const mine = itemsNow()[rec.id];
    if (item && !locked && !openedHere.has(rec.id) && (!mine || mine.keyLocked)) out.late.push(item);
  }
  return out;
}

/**
 * Remove the lock: every sealed record is opened and written back in plaintext, and the lock's
 * record deleted, in one transaction. Refused while a sealed key would not open: removing the lock
 * would lose it. Returns the items opened, in this tab and among what another tab sealed and
 * stored meanwhile.
 */
export async function removeLock(
  storage: ItemStorage,
  itemsNow: ItemsNow,
  passphrase: string,
): Promise<WorkspaceItem[]> {
  const { opened, failed } = await unlock(storage, itemsNow, passphrase);
  if (failed.length) throw lockStays(failed.map((i) => i.name));
  const openedHere = new Set(opened.map((i) => i.id));
  const late = new Map<string, WorkspaceItem>();
  await storage.serialized(async (records, announce) => {
    // The sealed records stored when this runs, not the items this tab knew of before: one another
    // tab sealed and saved meanwhile would otherwise stay sealed under a lock that no longer exists.
    // The vault keeps its lock until the write succeeded.
    const first = await openStored(storage, records, itemsNow, openedHere);
    if (first.stuck.length) throw lockStays(first.stuck);
    // One transaction: a tab closed or a write failed midway leaves the keys sealed under their lock
    // (nothing changed) or plaintext with no lock, never plaintext keys under a lock said to stay.
    await records.put(first.written, { deleting: [LOCK_RECORD_ID] });
    const written = [...first.written];
    for (const item of first.late) late.set(item.id, item);
    // Reading and opening take a while, and a tab that has not heard of the removal yet still seals
    // what it saves: such a key would stay sealed with no lock record to open it. Swept while the
    // opened lock key is still here (a tab that hears the removal later writes its own: item-storage.ts).
    for (let sweep = 0; sweep < SWEEPS; sweep++) {
      const more = await openStored(storage, records, itemsNow, openedHere);
      if (!more.written.length) break;
      await records.put(more.written);
      written.push(...more.written);
      for (const item of more.late) late.set(item.id, item);
    }
    storage.vault.setHeader(undefined);
    announce({ put: written, deleted: [], lock: null });
  });
  storage.markStored([...late.values()]);
  return [...opened, ...late.values()];
}
