/**
 * Side effect: IndexedDB. The RecordStore behind the workspace in the browser: database
 * "certbench", object store "items", one record per item keyed by id.
 */
import type { ItemRecord, RecordStore } from './record-store.ts';

const DB_NAME = 'certbench';
const STORE = 'items';

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
      const tx = (await database()).transaction(STORE, 'readonly');
      return (await request(tx.objectStore(STORE).getAll())) as ItemRecord[];
    },
    async put(records) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const r of records) store.put(r);
      await done(tx);
    },
    async delete(ids) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const id of ids) store.delete(id);
      await done(tx);
    },
  };
}
