/**
 * Where workspace items live between visits: one record per item, keyed by id, so a write
 * touches only the item that changed and two tabs never overwrite each other's items.
 */
import type { WorkspaceItem } from './types.ts';

/** A persisted item and the schema version it was written with. */
export interface ItemRecord {
  id: string;
  version: number;
  item: unknown;
}

/** Options of a put. */
export interface PutOptions {
  /**
   * The id of one of the records that must not be stored yet (a new key lock's record): when it
   * is, the whole write fails with a ConstraintError and stores nothing. Checked inside the write's
   * transaction, so two tabs cannot both pass it.
   */
  createOnly?: string;
  /**
   * Ids deleted in the same transaction as the puts: all of it is stored, or none (removing the key
   * lock writes the keys back in plaintext and deletes the lock's record as one). None of them may
   * be among the records put.
   */
  deleting?: readonly string[];
}

export interface RecordStore {
  getAll(): Promise<ItemRecord[]>;
  put(records: ItemRecord[], options?: PutOptions): Promise<void>;
  delete(ids: string[]): Promise<void>;
}

/** In-memory RecordStore: for tests, and the fallback when IndexedDB is unavailable (private modes). */
export function memoryRecordStore(): RecordStore & { records: Map<string, ItemRecord> } {
  const records = new Map<string, ItemRecord>();
  return {
    records,
    getAll: () => Promise.resolve([...records.values()].map((r) => structuredClone(r))),
    put: (rs, options) => {
      if (options?.createOnly !== undefined && records.has(options.createOnly))
        return Promise.reject(new DOMException(`A record ${options.createOnly} is already stored.`, 'ConstraintError'));
      for (const r of rs) records.set(r.id, structuredClone(r));
      for (const id of options?.deleting ?? []) records.delete(id);
      return Promise.resolve();
    },
    delete: (ids) => {
      for (const id of ids) records.delete(id);
      return Promise.resolve();
    },
  };
}

export function toRecord(item: WorkspaceItem, version: number): ItemRecord {
  return { id: item.id, version, item };
}
