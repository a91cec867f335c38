/**
 * Side effect: IndexedDB. The RecordStore behind the workspace in the browser: database
 * "certbench", object store "items", one record per item keyed by id.
 */
import type { ItemRecord, PutOptions, RecordStore } from './record-store.ts';
import { nextTask, putInSlices } from './sliced-puts.ts';

const DB_NAME = 'certbench';
const STORE = 'items';
/**
 * Records read per request when the workspace opens. A batch is decoded (structured-cloned) in
 * one task: 200 records of a cluster (certificate, key and chain each) were 13-40 ms tasks in
 * Chromium traces on this busy two-core machine; 100 halve that for a few more round trips.
 */
const READ_BATCH = 100;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  return request(req);
}

/** A RecordStore on IndexedDB; the database opens on first use. */
export function idbRecordStore(factory: IDBFactory = indexedDB): RecordStore {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= open(factory));
  return {
    async getAll() {
      const store = (await database()).transaction(STORE, 'readonly').objectStore(STORE);
      // In batches: the page decodes (structured-clones) what a request returns in the task of its
      // success event, and a thousand items at once was one 100+ ms task. Each batch's request is
      // made from the previous one's success, so the transaction stays active and the read atomic.
      const all: ItemRecord[] = [];
      for (;;) {
        const last = all.at(-1)?.id;
        const range = last === undefined ? undefined : IDBKeyRange.lowerBound(last, true);
        const batch = (await request(store.getAll(range, READ_BATCH))) as ItemRecord[];
        all.push(...batch);
        if (batch.length < READ_BATCH) return all;
      }
    },
    async put(records, options: PutOptions = {}) {
      const opened = await database();
      await nextTask(); // the task that asked for the save ends before the first put
      const tx = opened.transaction(STORE, 'readwrite');
      const written = done(tx);
      let failure: { error: unknown } | undefined;
      const store = tx.objectStore(STORE);
      for (const id of options.deleting ?? []) store.delete(id); // in this transaction: stored with the puts or not at all
      // add, not put: a record already there fails it with a ConstraintError, which aborts the
      // whole transaction (IndexedDB: add() of a key present fails, an error event not cancelled aborts).
      const createOnly = records.find((r) => r.id === options.createOnly);
      if (createOnly) {
        const added = store.add(createOnly);
        added.onerror = () => void (failure = { error: added.error }); // the ConstraintError, not the abort's
      }
      // One transaction, spread over several tasks: a thousand records at once is a long task.
      putInSlices(store, createOnly ? records.filter((r) => r !== createOnly) : records, (error) => {
        failure = { error };
        try {
          tx.abort();
        } catch {
          // The transaction had already ended; the failure is still reported below.
        }
      });
      try {
        await written;
      } catch (e) {
        throw failure ? failure.error : e;
      }
      if (failure) throw failure.error;
    },
    async delete(ids) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const id of ids) store.delete(id);
      await done(tx);
    },
  };
}
