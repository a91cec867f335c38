/**
 * Assemble the app store from its slices, persisted item by item through an ItemStorage.
 * A factory so tests build as many independent "tabs" as they like over one RecordStore.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { itemStorage, DEFAULT_CHANNEL, type ItemStorage, type PersistedWorkspace } from './item-storage.ts';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';
import type { RecordStore } from './record-store.ts';
import { sessionSlice, type SessionSlice } from './session-slice.ts';
import type { WorkspaceItem } from './types.ts';
import { workspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type AppState = WorkspaceSlice & SessionSlice;

export interface AppStore {
  store: StoreApi<AppState>;
  storage: ItemStorage;
  /** Resolves once the workspace has been read (also when reading failed: the tab then works in memory). */
  hydration: Promise<void>;
  /** Stop listening to other tabs. */
  dispose(): void;
}

export interface AppStoreOptions {
  records: RecordStore;
  channelName?: string;
  now?: () => Date;
}

/** Items of a persisted state written by an older schema (zustand calls this when versions differ). */
function migrateState(persisted: unknown, version: number): PersistedWorkspace {
  const items: Record<string, WorkspaceItem> = {};
  const raw = (persisted as { items?: unknown } | undefined)?.items;
  if (raw && typeof raw === 'object') {
    for (const value of Object.values(raw as Record<string, unknown>)) {
      const item = migrateItem(value, version);
      if (item) items[item.id] = item;
    }
  }
  return { items };
}

export function createAppStore({
  records,
  channelName = DEFAULT_CHANNEL,
  now = () => new Date(),
}: AppStoreOptions): AppStore {
  const storage = itemStorage(records, channelName);
  let markHydrated: () => void = () => undefined;
  const hydration = new Promise<void>((resolve) => {
    markHydrated = resolve;
  });

  const store = createStore<AppState>()(
    persist((...a) => ({ ...workspaceSlice(now)(...a), ...sessionSlice(...a) }), {
      name: 'certbench-workspace',
      version: SCHEMA_VERSION,
      storage,
      partialize: (s): PersistedWorkspace => ({ items: s.items }),
      migrate: migrateState,
      // Union, not replace: anything made before the read finished is kept.
      merge: (persisted, current) => ({
        ...current,
        items: { ...(persisted as PersistedWorkspace | undefined)?.items, ...current.items },
      }),
      onRehydrateStorage: () => (_state, error) => {
        store.setState({
          hydrated: true,
          storageProblem: error
            ? 'The saved workspace could not be read; this tab works in memory and keeps nothing after it closes.'
            : undefined,
        });
        markHydrated();
      },
    }),
  );

  const unsubscribe = storage.onRemote((change) => store.getState().applyRemote(change));
  return {
    store,
    storage,
    hydration,
    dispose() {
      unsubscribe();
      storage.close();
    },
  };
}
