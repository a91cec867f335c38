/** The workspace slice: every CA, certificate, key, CSR and bundle the user made or imported. */
import type { StateCreator } from 'zustand';
import type { RemoteChange } from './item-storage.ts';
import { newId, type NewItem, type WorkspaceItem } from './types.ts';

export interface WorkspaceSlice {
  items: Record<string, WorkspaceItem>;
  /** Add new items; returns them with their ids and dates. */
  addItems(items: NewItem[]): WorkspaceItem[];
  /** Remove items by id (the UI confirms first). Items they issued stay, with a dangling parentId. */
  removeItems(ids: string[]): void;
  renameItem(id: string, name: string): void;
  /** Merge facts into an item's meta (a CA's revocations, a renewed certificate's successor). */
  updateMeta(id: string, patch: Partial<WorkspaceItem['meta']>): void;
  /** Put back items removed a moment ago (undo), as they were. */
  restoreItems(items: WorkspaceItem[]): void;
  /** Put items read from a workspace file: new ids are added, known ids replaced when the file's copy is newer. */
  importItems(items: WorkspaceItem[]): { added: number; replaced: number; kept: number };
  /** Remove everything (the UI confirms first). */
  clearWorkspace(): void;
  /** Merge what another tab wrote; on the same id the later `updatedAt` wins. */
  applyRemote(change: RemoteChange): void;
}

export function workspaceSlice(now: () => Date): StateCreator<WorkspaceSlice, [], [], WorkspaceSlice> {
  return (set, get) => ({
    items: {},

    addItems(newItems) {
      const stamp = now().toISOString();
      const made = newItems.map((n): WorkspaceItem => ({
        ...n,
        id: n.id ?? newId(),
        createdAt: n.createdAt ?? stamp,
        updatedAt: stamp,
      }));
      set((s) => {
        // One copy and a loop: a spread of Object.fromEntries made (and copied) a second object of
        // every new item, most of a 20-30 ms task when a thousand-node cluster was saved (page traces).
        const items = { ...s.items };
        for (const item of made) items[item.id] = item;
        return { items };
      });
      return made;
    },

    removeItems(ids) {
      const items = { ...get().items };
      for (const id of ids) delete items[id];
      set({ items });
    },

    renameItem(id, name) {
      const item = get().items[id];
      const trimmed = name.trim();
      if (!item || !trimmed || trimmed === item.name) return;
      set((s) => ({ items: { ...s.items, [id]: { ...item, name: trimmed, updatedAt: now().toISOString() } } }));
    },

    updateMeta(id, patch) {
      const item = get().items[id];
      if (!item) return;
      set((s) => ({
        items: { ...s.items, [id]: { ...item, meta: { ...item.meta, ...patch }, updatedAt: now().toISOString() } },
      }));
    },

    restoreItems(restored) {
      // A fresh updatedAt, so other tabs that saw the delete take the item back too.
      const stamp = now().toISOString();
      set((s) => {
        const items = { ...s.items }; // a loop, not a spread of fromEntries: see addItems
        for (const item of restored) items[item.id] = { ...item, updatedAt: stamp };
        return { items };
      });
    },

    importItems(incoming) {
      const items = { ...get().items };
      let added = 0;
      let replaced = 0;
      let kept = 0;
      for (const item of incoming) {
        const mine = items[item.id];
        if (!mine) added++;
        else if (item.updatedAt > mine.updatedAt) replaced++;
        else {
          kept++;
          continue;
        }
        items[item.id] = item;
      }
      set({ items });
      return { added, replaced, kept };
    },

    clearWorkspace() {
      set({ items: {} });
    },

    applyRemote(change) {
      const items = { ...get().items };
      for (const id of change.deleted) delete items[id];
      for (const item of change.put) {
        const mine = items[item.id];
        if (!mine || item.updatedAt >= mine.updatedAt) items[item.id] = item;
      }
      set({ items });
    },
  });
}
