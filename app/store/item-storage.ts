/**
 * Side effects: the RecordStore (IndexedDB in the browser) and a BroadcastChannel.
 *
 * A zustand PersistStorage that never writes the workspace as one blob. It remembers what it
 * last read or wrote per item and, on every save, writes only the items that changed and
 * deletes only the ones this tab removed. Each write is announced on a BroadcastChannel so
 * other open tabs merge it instead of overwriting it on their next save.
 *
 * Change detection is by object identity first: the store never edits an item in place, it
 * replaces it (workspace-slice.ts), so the same object is the same item and costs nothing to
 * check. Only an item whose object changed is compared as JSON, which keeps a save after adding a
 * thousand-node cluster from serialising every item of the workspace on the main thread.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { KeyLockHeader } from '../pki/sealing/index.ts';
import { keyVault, lockOfRecord, LOCK_RECORD_ID, secretsOf, type KeyVault } from './key-vault.ts';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';
import type { ItemRecord, RecordStore } from './record-store.ts';
import { nextTask, SLICE_MS } from './sliced-puts.ts';
import { announceInSlices } from './sliced-messages.ts';
import type { WorkspaceItem } from './types.ts';

/** The part of the state that is persisted (the store's `partialize`). */
export interface PersistedWorkspace {
  items: Record<string, WorkspaceItem>;
}

/** What another tab changed. */
export interface RemoteChange {
  put: WorkspaceItem[];
  deleted: string[];
  /** Set when another tab set, changed or removed the key lock: this tab's lock status now. */
  lockChanged?: boolean;
}

export interface ItemStorage extends PersistStorage<PersistedWorkspace> {
  /** Listen to changes written by other tabs; returns the unsubscribe function. */
  onRemote(listener: (change: RemoteChange) => void): () => void;
  /** Resolves when every write queued so far has reached the RecordStore. */
  flush(): Promise<void>;
  /** Error of the last failed write, if any (quota exceeded, private mode). */
  lastError(): string | undefined;
  /**
   * Hear about writes: `listener(error)` after a write failed, `listener(undefined)` after a later
   * one succeeded. Items a failed write held are written again by the next save.
   */
  onWriteResult(listener: (error: unknown) => void): () => void;
  /** The key lock's session state; its writes go through this storage (key-lock-storage.ts). */
  readonly vault: KeyVault;
  /** Remember `items` as stored as they are (their records are already right): no save writes them. */
  markStored(items: readonly WorkspaceItem[]): void;
  /**
   * Run `write` after every queued write, with the RecordStore and the channel, and hand back its
   * result or error (lock operations: their failure is the caller's to show, not a storage banner).
   */
  serialized<T>(write: (records: RecordStore, announce: (message: Message) => void) => Promise<T>): Promise<T>;
  close(): void;
}

export const DEFAULT_CHANNEL = 'certbench-workspace';

/** Said when unlocking a lock this tab cannot use; the sealed keys are left as they are stored. */
const DAMAGED_LOCK =
  "The key lock's stored record is damaged or was written by a newer certbench, so the sealed private keys cannot be opened here; they stay stored as they are.";
const MISSING_LOCK =
  "Sealed private keys are stored, but the key lock's record is missing, so they cannot be opened; they stay stored as they are.";

/**
 * What a tab announces: the records it wrote (secrets sealed as stored, when locked), the ids it
 * deleted, and the lock when it set, changed (header) or removed (null) it.
 */
export interface Message {
  put: ItemRecord[];
  deleted: string[];
  lock?: KeyLockHeader | null;
}

export function itemStorage(
  records: RecordStore,
  channelName: string = DEFAULT_CHANNEL,
  vault: KeyVault = keyVault(),
): ItemStorage {
  /** Each item as this tab believes it is stored: the object it last read, heard of or wrote. */
  const known = new Map<string, WorkspaceItem>();
  const listeners = new Set<(change: RemoteChange) => void>();
  const writeListeners = new Set<(error: unknown) => void>();
  let queue: Promise<void> = Promise.resolve();
  let error: string | undefined;
  /** The items object of the last save: zustand saves on every state change, items changed or not. */
  let lastItems: Record<string, WorkspaceItem> | undefined;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;

  /** Tell the other tabs what was written, a slice of records per message (sliced-messages.ts). */
  async function announce(message: Message): Promise<void> {
    if (channel) await announceInSlices((m) => channel.postMessage(m), message);
  }

  /** A stored record as the in-memory item; undefined for what is not an item. */
  async function itemOf(rec: ItemRecord): Promise<WorkspaceItem | undefined> {
    const { value, locked } = await vault.fromRecord(rec);
    const item = migrateItem(value, rec.version);
    if (item && locked) item.keyLocked = true;
    return item;
  }

  /**
   * A key in plaintext while a lock is set: a record another tab wrote before it heard of the lock
   * (its write job seals only under a lock it knows of), or one an older certbench left. Sealing
   * needs only the lock's public key, so it is sealed again at once, locked or not.
   */
  function needsSealing(item: WorkspaceItem): boolean {
    return vault.header() !== undefined && secretsOf(item) !== undefined && !vault.isSealed(item.id);
  }

  /**
   * Items this tab holds open whose records it sealed, except those in `written` (the removing tab's
   * plaintext records). Read before the vault forgets what it sealed.
   */
  function strandedBy(written: readonly ItemRecord[]): WorkspaceItem[] {
    const rewritten = new Set(written.map((r) => r.id));
    return [...known.values()].filter(
      (item) => vault.isSealed(item.id) && !rewritten.has(item.id) && !item.keyLocked && secretsOf(item),
    );
  }

  /**
   * Write `items` again as the lock now says (sealed under a lock, plaintext without); one that
   * changed since (a newer save or message) is left to that.
   */
  function rewrite(items: readonly WorkspaceItem[]): void {
    if (!items.length) return;
    enqueue(async () => {
      const written = await vault.toRecords(
        items.filter((item) => known.get(item.id) === item),
        SCHEMA_VERSION,
      );
      if (!written.length) return;
      await records.put(written);
      await announce({ put: written, deleted: [] });
    });
  }

  // Messages are handled one after another: opening sealed keys is asynchronous.
  let heard: Promise<void> = Promise.resolve();
  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    heard = heard.then(async () => {
      const { lock } = event.data;
      const lockChanged = lock !== undefined;
      // The lock removed: a key this tab sealed that the removing tab did not write back (saved
      // after its last read) would stay sealed with no lock to open it; written again in plaintext.
      const stranded = lock === null ? strandedBy(event.data.put) : [];
      if (lock !== undefined) vault.setHeader(lock ?? undefined);
      const put: WorkspaceItem[] = [];
      for (const rec of event.data.put) {
        const item = await itemOf(rec);
        if (!item) continue;
        known.set(item.id, item);
        put.push(item);
      }
      for (const id of event.data.deleted) {
        known.delete(id);
        vault.forget(id);
      }
      // Queued before the listeners run, so Lock now (which flushes first) finds these sealed.
      const plain = put.filter(needsSealing);
      if (lock) for (const item of known.values()) if (needsSealing(item) && !plain.includes(item)) plain.push(item);
      rewrite([...plain, ...stranded]);
      const change = { put, deleted: event.data.deleted, ...(lockChanged ? { lockChanged } : {}) };
      for (const l of listeners) l(change);
    });
    // One message that fails (a record that will not read, a listener that throws) must not leave
    // `heard` rejected: every later message would be dropped, and this tab would stop syncing.
    heard = heard.catch((e: unknown) => console.error('certbench: a change from another tab was not applied', e));
  });

  /** Queue a write; `undo` forgets what it would have stored, so the next save writes it again. */
  function enqueue(write: () => Promise<void>, undo: () => void = () => undefined): void {
    queue = queue.then(write).then(
      () => {
        const hadError = error !== undefined;
        error = undefined;
        if (hadError) for (const l of writeListeners) l(undefined);
      },
      (e: unknown) => {
        undo();
        error = e instanceof Error ? e.message : String(e);
        for (const l of writeListeners) l(e);
      },
    );
  }

  return {
    async getItem(): Promise<StorageValue<PersistedWorkspace>> {
      const items: Record<string, WorkspaceItem> = {};
      const upgraded: WorkspaceItem[] = [];
      let sliceStart = performance.now();
      const all = await records.getAll();
      // The lock first (its record sorts last): it decides how the items' records are written back.
      // A lock record that will not parse is a lock all the same: its keys stay sealed, never "off".
      for (const rec of all) {
        if (rec.id !== LOCK_RECORD_ID) continue;
        const header = lockOfRecord(rec);
        if (header) vault.setHeader(header);
        else vault.setUnusable(DAMAGED_LOCK);
      }
      let sealedSeen = false;
      for (const rec of all) {
        // Checking a thousand items is tens of milliseconds on a busy machine: yield now and then.
        if (performance.now() - sliceStart > SLICE_MS) {
          await nextTask();
          sliceStart = performance.now();
        }
        if (rec.id === LOCK_RECORD_ID) continue;
        const item = await itemOf(rec);
        if (!item) continue; // damaged or from a newer certbench: leave the record alone
        items[item.id] = item;
        known.set(item.id, item);
        if (item.keyLocked) sealedSeen = true;
        if (rec.version !== SCHEMA_VERSION || needsSealing(item)) upgraded.push(item);
      }
      if (sealedSeen && vault.status() === 'off') vault.setUnusable(MISSING_LOCK);
      if (upgraded.length) enqueue(async () => records.put(await vault.toRecords(upgraded, SCHEMA_VERSION)));
      return { state: { items }, version: SCHEMA_VERSION };
    },

    setItem(_name, value): void {
      const next = value.state.items;
      // Unchanged items need no save; without this, a failed write that set the session's
      // storageProblem would save (and fail) again at once, for ever.
      if (next === lastItems) return;
      lastItems = next;
      const put: WorkspaceItem[] = [];
      for (const item of Object.values(next)) {
        const before = known.get(item.id);
        if (before === item) continue;
        known.set(item.id, item);
        // A new object with the same content (a remote copy kept over an equal local one) needs no write.
        if (before && JSON.stringify(before) === JSON.stringify(item)) continue;
        put.push(item);
      }
      const gone = new Map<string, WorkspaceItem>();
      for (const [id, item] of known) if (!(id in next)) gone.set(id, item);
      for (const id of gone.keys()) known.delete(id);
      const deleted = [...gone.keys()];
      if (!put.length && !deleted.length) return;
      enqueue(
        async () => {
          // Sealed when written, not when queued: a lock set meanwhile covers this write too.
          const written = await vault.toRecords(put, SCHEMA_VERSION);
          if (written.length) await records.put(written);
          if (deleted.length) await records.delete(deleted);
          for (const id of deleted) vault.forget(id);
          await announce({ put: written, deleted });
        },
        () => {
          // Not stored: unknown again, so the next save retries them (unless a later write stored them).
          for (const item of put) if (known.get(item.id) === item) known.delete(item.id);
          for (const [id, item] of gone) if (!known.has(id)) known.set(id, item);
        },
      );
    },

    removeItem(): void {
      // The store never removes the whole workspace at once: clearing deletes item by item.
    },

    onRemote(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWriteResult(listener) {
      writeListeners.add(listener);
      return () => writeListeners.delete(listener);
    },
    flush: () => queue,
    lastError: () => error,
    vault,
    markStored(items) {
      for (const item of items) known.set(item.id, item);
    },
    serialized(write) {
      const result = queue.then(() => write(records, (message) => channel?.postMessage(message)));
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close: () => channel?.close(),
  };
}
