/**
 * How an action reaches a private key that may be locked (key-lock-slice.ts). One line at each
 * place that needs a key:
 *
 *   const ca = await withKey(chosenCa, 'Issuing a certificate'); // asks to unlock when locked
 *   if (!ca) return;                                               // the user declined
 *   if (!(await keysUnlocked('Exporting the workspace'))) return;  // before an action on many items
 *   await ensureKeysUnlocked('Renewing db-1');                     // throws UnlockCancelled instead
 *   if (hasPrivateKey(ca)) …                                       // show "Revoke", "Issue a CRL"…
 *
 * `withKey` returns the item as the store holds it after unlocking (with `keyPem`), not the copy
 * the caller rendered: that copy has no key while locked.
 */
import type { StoreApi } from 'zustand';
import { UnlockCancelled, type KeyLockSlice } from './key-lock-slice.ts';
import type { WorkspaceItem } from './types.ts';

/** True when the workspace holds the item's private key, open or locked. */
export function hasPrivateKey(item: Pick<WorkspaceItem, 'keyPem' | 'keyLocked'> | undefined): boolean {
  return Boolean(item?.keyPem || item?.keyLocked);
}

type LockStore = StoreApi<KeyLockSlice & { items: Record<string, WorkspaceItem> }>;

/** Bound to the app store in index.ts. */
export function keyAccess(store: LockStore) {
  const access = {
    /** Wait until the keys are open, asking the user when they are locked; rejects with UnlockCancelled. */
    ensureKeysUnlocked: (purpose: string): Promise<void> => store.getState().requestUnlock(purpose),
    /** True once the keys are open (at once when nothing is locked); false when the user declined. */
    keysUnlocked: (purpose: string): Promise<boolean> =>
      store
        .getState()
        .requestUnlock(purpose)
        .then(
          () => true,
          (e: unknown) => {
            if (e instanceof UnlockCancelled) return false;
            throw e;
          },
        ),
    /** `item` as the store holds it once its key is open; undefined when the user declined to unlock. */
    withKey: async (item: WorkspaceItem, purpose: string): Promise<WorkspaceItem | undefined> => {
      if (!item.keyLocked) return item;
      if (!(await access.keysUnlocked(purpose))) return undefined;
      const now = store.getState().items[item.id] ?? item;
      // Unlocked, but this item's sealed key did not open (damaged or moved record): say so here
      // rather than hand the action an item without its key.
      if (now.keyLocked)
        throw new Error(`The sealed key of ${now.name} could not be opened (its stored record is damaged).`);
      return now;
    },
  };
  return access;
}
