/**
 * The key lock slice: whether the workspace's private keys are sealed at rest, opened in this
 * tab, or stored in plaintext, and the actions that change it. Session state: the status is
 * read from storage when the workspace loads; nothing here is persisted by zustand.
 *
 * An action that needs a private key calls `requestUnlock` (or key-access.ts `withKey`): it
 * resolves at once when nothing is locked, otherwise it raises `unlockRequest`, which the unlock
 * dialog (app/features/lock/) answers, and resolves once the keys are open; it rejects with
 * UnlockCancelled when the user closes the dialog.
 */
import type { StateCreator } from 'zustand';
import type { ItemStorage } from './item-storage.ts';
import * as ops from './key-lock-storage.ts';
import type { KeyLockStatus } from './key-vault.ts';
import type { WorkspaceItem } from './types.ts';

export interface KeyLockSlice {
  keyLock: KeyLockStatus;
  /** Names of items whose sealed key would not open at the last unlock (damaged records). */
  keyLockFailures: string[];
  /** Set while an action waits for the keys: what it is, in words ("Issue a certificate"). */
  unlockRequest: { purpose: string } | undefined;
  /** Seal every key under a new passphrase (at least 8 characters); the keys stay open in this tab. */
  setKeyPassphrase(passphrase: string): Promise<void>;
  /** Open the keys; a wrong passphrase is the core's 'wrong-password' PkiError on 'password'. */
  unlockKeys(passphrase: string): Promise<void>;
  lockKeys(): Promise<void>;
  changeKeyPassphrase(current: string, next: string): Promise<void>;
  /** Store the keys in plaintext again (asks for the passphrase). */
  removeKeyLock(passphrase: string): Promise<void>;
  /** Resolves when the keys are open (at once when they are); rejects with UnlockCancelled. */
  requestUnlock(purpose: string): Promise<void>;
  /** The user closed the unlock dialog: the waiting action is refused. */
  cancelUnlock(): void;
  /** Another tab changed the lock: take the storage's status, and let go of keys no longer open. */
  syncKeyLock(): Promise<void>;
}

/** Thrown to an action whose unlock the user declined; actions show it as a plain note. */
export class UnlockCancelled extends Error {
  constructor(purpose: string) {
    super(`${purpose}: not done, the private keys stay locked.`);
    this.name = 'UnlockCancelled';
  }
}

type Slice = KeyLockSlice & { items: Record<string, WorkspaceItem> };

/** `iterations`: PBKDF2 count for new locks (tests pass a small one; 600,000 by default). */
export function keyLockSlice(storage: ItemStorage, iterations?: number): StateCreator<Slice, [], [], KeyLockSlice> {
  return (set, get) => {
    const itemsNow = () => get().items;
    const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const put = (items: readonly WorkspaceItem[]) =>
      set((s) => ({ items: { ...s.items, ...Object.fromEntries(items.map((i) => [i.id, i])) } }));
    const settle = (error?: Error) => {
      for (const w of waiting.splice(0)) {
        if (error) w.reject(error);
        else w.resolve();
      }
    };

    return {
      keyLock: 'off',
      keyLockFailures: [],
      unlockRequest: undefined,

      async setKeyPassphrase(passphrase) {
        await ops.setLock(storage, itemsNow, passphrase, iterations);
        set({ keyLock: storage.vault.status() });
      },

      async unlockKeys(passphrase) {
        const { opened, failed } = await ops.unlock(storage, itemsNow, passphrase);
        put(opened);
        set({ keyLock: storage.vault.status(), keyLockFailures: failed.map((i) => i.name), unlockRequest: undefined });
        settle();
      },

      async lockKeys() {
        put(await ops.lockNow(storage, itemsNow));
        set({ keyLock: storage.vault.status() });
      },

      async changeKeyPassphrase(current, next) {
        await ops.changePassphrase(storage, current, next, iterations);
        set({ keyLock: storage.vault.status() });
      },

      async removeKeyLock(passphrase) {
        put(await ops.removeLock(storage, itemsNow, passphrase));
        set({ keyLock: storage.vault.status(), keyLockFailures: [], unlockRequest: undefined });
        settle();
      },

      requestUnlock(purpose) {
        if (get().keyLock !== 'locked') return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          waiting.push({ resolve, reject });
          set({ unlockRequest: { purpose } });
        });
      },

      cancelUnlock() {
        const request = get().unlockRequest;
        set({ unlockRequest: undefined });
        settle(new UnlockCancelled(request?.purpose ?? 'The action'));
      },

      async syncKeyLock() {
        const status = storage.vault.status();
        if (status === 'locked') put(await ops.lockNow(storage, itemsNow));
        // No longer locked (another tab removed the lock): the waiting actions go on and the prompt closes.
        set({ keyLock: status, ...(status !== 'locked' ? { unlockRequest: undefined } : {}) });
        if (status !== 'locked') settle();
      },
    };
  };
}
