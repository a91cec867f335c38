/**
 * Assemble the app store from its slices, persisted item by item through an ItemStorage.
 * A factory so tests build as many independent "tabs" as they like over one RecordStore.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { itemStorage, DEFAULT_CHANNEL, type ItemStorage, type PersistedWorkspace } from './item-storage.ts';
import { keyLockSlice, type KeyLockSlice } from './key-lock-slice.ts';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';
import type { RecordStore } from './record-store.ts';
import { sessionSlice, type SessionSlice } from './session-slice.ts';
import { unavailableProblem, writeProblem } from './storage-problem.ts';
import type { WorkspaceItem } from './types.ts';
import { workspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type AppState = WorkspaceSlice & SessionSlice & KeyLockSlice;

export interface AppStore {
  store: StoreApi<AppState>;
  storage: ItemStorage;
  /** Resolves once the workspace has been read (also when reading failed: the tab then works in memory). */
  hydration: Promise<void>;
  /** Write again whatever a failed save left unstored (the banner's "Try again"). */
  retrySaves(): Promise<void>;
  /** Stop listening to other tabs. */
  dispose(): void;
}

export interface AppStoreOptions {
  records: RecordStore;
  channelName?: string;
  now?: () => Date;
  /** False when `records` is a stand-in that keeps nothing (no IndexedDB): the tab says so at once. */
  persistent?: boolean;
  /** PBKDF2 iterations for a new key lock; 600,000 (the core's default) unless a test asks for fewer. */
  lockIterations?: number;
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
  persistent = true,
  lockIterations,
}: AppStoreOptions): AppStore {
  const storage = itemStorage(records, channelName);
  let markHydrated: () => void = () => undefined;
  const hydration = new Promise<void>((resolve) => {
    markHydrated = resolve;
  });

  const store = createStore<AppState>()(
    persist(
      (...a) => ({
        ...workspaceSlice(now)(...a),
        ...sessionSlice(...a),
        ...keyLockSlice(storage, lockIterations)(...a),
      }),
      {
        name: 'certbench-workspace',
        version: SCHEMA_VERSION,
        storage,
        partialize: (s): PersistedWorkspace => ({ items: s.items }),
        migrate: migrateState,
        // Union, not replace: anything made before the read finished is kept. Usually nothing
        // was: then the items read are taken as they are, not copied key by key (1,000 items).
        merge: (persisted, current) => {
          const read = (persisted as PersistedWorkspace | undefined)?.items;
          const made = Object.keys(current.items).length > 0;
          return { ...current, items: read && made ? { ...read, ...current.items } : (read ?? current.items) };
        },
        onRehydrateStorage: () => (_state, error) => {
          store.setState({
            hydrated: true,
            keyLock: storage.vault.status(),
            storageProblem: error || !persistent ? unavailableProblem(error ?? undefined) : undefined,
          });
          markHydrated();
        },
      },
    ),
  );

  const unsubscribe = storage.onRemote((change) => {
    store.getState().applyRemote(change);
    if (change.lockChanged) void store.getState().syncKeyLock();
  });
  const unwatch = storage.onWriteResult((error) => {
    // A tab that could not read keeps saying so; a write problem clears once a save succeeds.
    if (store.getState().storageProblem?.kind === 'unavailable') return;
    const problem = error === undefined ? undefined : writeProblem(error);
    if (problem?.message !== store.getState().storageProblem?.message) store.setState({ storageProblem: problem });
  });
  return {
    store,
    storage,
    hydration,
    retrySaves() {
      // A copy: the storage skips a save of the very items object it saved last.
      const items = { ...store.getState().items };
      void storage.setItem('certbench-workspace', { state: { items }, version: SCHEMA_VERSION });
      return storage.flush();
    },
    dispose() {
      unsubscribe();
      unwatch();
      storage.close();
    },
  };
}
