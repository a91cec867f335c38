/**
 * How an action reaches a private key that may be locked (key-lock-slice.ts). One line at each
 * place that needs a key:
 *
 *   const ca = await withKey(chosenCa, 'Issue a certificate');   // asks to unlock when locked
 *   if (hasPrivateKey(ca)) …                                      // show "Revoke", "Issue a CRL"…
 *
 * `withKey` returns the item as the store holds it after unlocking (with `keyPem`), not the copy
 * the caller rendered: that copy has no key while locked.
 */
import type { StoreApi } from 'zustand';
import type { KeyLockSlice } from './key-lock-slice.ts';
import type { WorkspaceItem } from './types.ts';

/** True when the workspace holds the item's private key, open or locked. */
export function hasPrivateKey(item: Pick<WorkspaceItem, 'keyPem' | 'keyLocked'> | undefined): boolean {
  return Boolean(item?.keyPem || item?.keyLocked);
}

type LockStore = StoreApi<KeyLockSlice & { items: Record<string, WorkspaceItem> }>;

/** Bound to the app store in index.ts. */
export function keyAccess(store: LockStore) {
  return {
    /** Wait until the keys are open, asking the user when they are locked; rejects with UnlockCancelled. */
    ensureKeysUnlocked: (purpose: string): Promise<void> => store.getState().requestUnlock(purpose),
    /** `item` (by id) as the store holds it once its key is open; unchanged when it has no locked key. */
    withKey: async <T extends WorkspaceItem | undefined>(item: T, purpose: string): Promise<T> => {
      if (!item?.keyLocked) return item;
      await store.getState().requestUnlock(purpose);
      return (store.getState().items[item.id] ?? item) as T;
    },
  };
}
