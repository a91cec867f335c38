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
import { createLock, rewrapLock, type KeyLockHeader } from './key-lock-crypto.ts';
import { lockedItem, LOCK_RECORD_ID, secretsOf } from './key-vault.ts';
import { SCHEMA_VERSION } from './migrate.ts';
import type { ItemRecord } from './record-store.ts';
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
  const { header, privateKey } = await createLock(passphrase, iterations);
  await storage.serialized(async (records, announce) => {
    storage.vault.setHeader(header, privateKey);
    try {
      const withKeys = Object.values(itemsNow()).filter((i) => secretsOf(i));
      const written = await storage.vault.toRecords(withKeys, SCHEMA_VERSION);
      await records.put([lockRecord(header), ...written]);
      announce({ put: written, deleted: [], lock: header });
    } catch (e) {
      storage.vault.setHeader(undefined); // nothing was written: the keys stay as they were stored
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
  const rewrapped = await rewrapLock(header, current, next, iterations);
  await storage.serialized(async (records, announce) => {
    await records.put([lockRecord(rewrapped)]);
    storage.vault.setHeader(rewrapped);
    announce({ put: [], deleted: [], lock: rewrapped });
  });
}

/**
 * Remove the lock: every key is opened and written back in plaintext, then the lock's record is
 * deleted. Refused while a sealed key would not open: removing the lock would lose it.
 */
export async function removeLock(
  storage: ItemStorage,
  itemsNow: ItemsNow,
  passphrase: string,
): Promise<WorkspaceItem[]> {
  const { opened, failed } = await unlock(storage, itemsNow, passphrase);
  if (failed.length)
    throw new PkiError(
      'invalid-argument',
      'password',
      `The lock stays: the sealed key of ${failed.map((i) => i.name).join(', ')} would not open (damaged), and removing the lock would lose it.`,
    );
  const byId = { ...itemsNow(), ...Object.fromEntries(opened.map((i) => [i.id, i])) };
  await storage.serialized(async (records, announce) => {
    // Plain records of the opened items; the vault keeps its lock until both writes succeeded.
    const written = Object.values(byId)
      .filter((i) => secretsOf(i))
      .map((item): ItemRecord => ({ id: item.id, version: SCHEMA_VERSION, item }));
    await records.put(written);
    await records.delete([LOCK_RECORD_ID]);
    storage.vault.setHeader(undefined);
    announce({ put: written, deleted: [], lock: null });
  });
  return opened;
}
