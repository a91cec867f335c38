/**
 * The app store: one zustand store in slices, persisted to IndexedDB item by item.
 *
 * ## Using it (features, components)
 *
 * ```tsx
 * import { useApp, appStore, selectItemList } from '../../store/index.ts';
 *
 * const items = useApp(selectItemList);                    // WorkspaceItem[], newest first, stable
 * const hydrated = useApp((s) => s.hydrated);              // render inputs disabled until true
 * const [added] = appStore.getState().addItems([{ kind: 'certificate', name: 'node1', pem, keyPem, parentId: ca.id, meta: { profile: 'node' } }]);
 * appStore.getState().removeItems([id]);                   // confirm with a <dialog> first
 * ```
 *
 * State (AppState):
 * - `items: Record<id, WorkspaceItem>`: plain data (types.ts): `id`, `kind` ('ca' | 'certificate' |
 *   'key' | 'csr' | 'bundle'), `name`, `createdAt`/`updatedAt` (ISO), `pem` (certificate leaf first,
 *   CSR, or key), `keyPem?` (PKCS#8), `chainPem?` (issuer chain), `parentId?` (issuing CA item),
 *   `meta` (subject, issuer, serial, notBefore, notAfter, profile, keyAlgorithm, sans, layout,
 *   target, members, source).
 * - `keyLock: 'off' | 'locked' | 'unlocked'` (key-lock-slice.ts: keys sealed at rest under a
 *   passphrase; a locked item has `keyLocked: true` and no `keyPem`), `unlockRequest?`.
 * - `hydrated: boolean`, `storageProblem?: StorageProblem` ({ kind: 'unavailable' | 'full' |
 *   'failed', message }: the workspace cannot be kept; session only, not persisted).
 *
 * Actions: `addItems(NewItem[]) → WorkspaceItem[]`, `removeItems(ids)`, `renameItem(id, name)`,
 * `importItems(WorkspaceItem[]) → {added, replaced, kept}`, `clearWorkspace()`,
 * `applyRemote(change)` (used by the tab sync; features do not call it).
 *
 * Selectors (selectors.ts): `selectItemList`, `childrenOf(items, id)`,
 * `searchItems(list, query, kind?)`.
 *
 * Persistence: every item is one IndexedDB record (db "certbench", store "items") with its schema
 * version; a save writes only changed items and announces them on a BroadcastChannel, so two
 * tabs merge rather than overwrite each other. Workspace files: workspace-file.ts.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createAppStore, type AppState } from './create-store.ts';
import { idbRecordStore } from './idb-record-store.ts';
import { keyAccess } from './key-access.ts';
import { memoryRecordStore } from './record-store.ts';

export type { AppState } from './create-store.ts';
export type { StorageProblem } from './storage-problem.ts';
export type { ItemKind, ItemMeta, NewItem, WorkspaceItem } from './types.ts';
export { newId, newIds } from './types.ts';
export { selectItemList, childrenOf, searchItems } from './selectors.ts';
export { hasPrivateKey } from './key-access.ts';
export { UnlockCancelled } from './key-lock-slice.ts';
export { MIN_LOCK_PASSPHRASE } from './key-lock-storage.ts';
export { setLockKeyWrapping } from './key-lock-wrapping.ts';
export type { KeyLockStatus } from './key-vault.ts';

const hasIndexedDb = typeof indexedDB !== 'undefined';
const app = createAppStore({
  records: hasIndexedDb ? idbRecordStore() : memoryRecordStore(),
  persistent: hasIndexedDb,
});

/** The store itself, for actions outside React (`appStore.getState().addItems(...)`). */
export const appStore = app.store;

/**
 * Private keys behind the key lock (key-access.ts): `await withKey(ca, 'Issuing a certificate')`
 * before reading `ca.keyPem`; `keysUnlocked(purpose)` or `ensureKeysUnlocked(purpose)` (throws
 * UnlockCancelled) before an action on many items.
 */
export const { withKey, keysUnlocked, ensureKeysUnlocked } = keyAccess(app.store);

/** Resolves once the workspace has been read from IndexedDB. */
export const hydration = app.hydration;

/** Wait until every pending save has reached IndexedDB (before a reload in tests, before export). */
export function flushSaves(): Promise<void> {
  return app.storage.flush();
}

/** Write again what a failed save left unstored (after the user freed space). */
export function retrySaves(): Promise<void> {
  return app.retrySaves();
}

/** Read state in a component; the selector must return a stable value (see selectors.ts). */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Read several values at once, re-rendering only when one of them changes. */
export function useAppShallow<T extends object>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}
