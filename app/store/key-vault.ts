/**
 * The key lock's session state and the two sides of the storage boundary: items become records
 * with their secrets sealed (when a lock is set), records become items with their secrets opened
 * (when unlocked) or marked `keyLocked` (when not). The in-memory model is otherwise the same
 * with or without a lock. Holds no passphrase: only the lock's opened private key, a
 * non-extractable CryptoKey, from unlock until Lock now or the tab closes.
 *
 * At rest, the lock is the record LOCK_RECORD_ID (app/pki/sealing KeyLockHeader) in the same
 * object store as the items, so setting a lock writes it and every re-sealed item in one
 * transaction. A sealed item's record holds `sealedKey` (SealedSecrets) instead of `keyPem`, and,
 * for a key item, an empty `pem`.
 */
import {
  batchSealer,
  openLock,
  parseLockHeader,
  parseSealedSecrets,
  secretsOpener,
  type ItemSecrets,
  type KeyLockHeader,
  type SealedSecrets,
} from '../pki/sealing/index.ts';
import { lockKeyWrapping } from './key-lock-wrapping.ts';
import type { ItemRecord } from './record-store.ts';
import type { WorkspaceItem } from './types.ts';

/** The id of the lock's record; item ids are hex, so it never names an item. */
export const LOCK_RECORD_ID = '~key-lock';

/**
 * off: keys stored in plaintext; locked: sealed and not opened in this tab; unlocked: opened.
 * A lock this tab cannot use (its record damaged or from a newer certbench, or sealed keys with no
 * lock record) is `locked` too: its keys stay sealed as stored, and unlocking says why it cannot.
 */
export type KeyLockStatus = 'off' | 'locked' | 'unlocked';

export function secretsOf(item: WorkspaceItem): ItemSecrets | undefined {
  const secrets: ItemSecrets = {};
  if (item.keyPem) secrets.keyPem = item.keyPem;
  if (item.kind === 'key' && item.pem) secrets.pem = item.pem;
  return secrets.keyPem || secrets.pem ? secrets : undefined;
}

/** The item without its secrets (and without the in-memory `keyLocked` mark). */
function withoutSecrets(item: WorkspaceItem): WorkspaceItem {
  const { keyPem: _key, keyLocked: _locked, ...rest } = item;
  return item.kind === 'key' ? { ...rest, pem: '' } : rest;
}

/** The item as shown while its key stays sealed. */
export function lockedItem(item: WorkspaceItem): WorkspaceItem {
  return { ...withoutSecrets(item), keyLocked: true };
}

export interface KeyVault {
  status(): KeyLockStatus;
  header(): KeyLockHeader | undefined;
  setHeader(header: KeyLockHeader | undefined, privateKey?: CryptoKey): void;
  /** The stored lock cannot be used (`problem` says why, in words): locked, and nothing opens or seals. */
  setUnusable(problem: string): void;
  /** Forget the opened private key (Lock now); sealing still works, opening does not. */
  close(): void;
  /** Open the lock with `passphrase`; throws the core's 'wrong-password' PkiError. */
  open(passphrase: string): Promise<void>;
  /** Ids whose records at rest hold sealed secrets. */
  isSealed(id: string): boolean;
  forget(id: string): void;
  /** Items as records: secrets sealed under the lock when there is one. */
  toRecords(items: readonly WorkspaceItem[], version: number): Promise<ItemRecord[]>;
  /**
   * A record's item value with its secrets opened when unlocked; `locked` when they stay sealed
   * (the caller marks the migrated item `keyLocked`).
   */
  fromRecord(rec: ItemRecord): Promise<{ value: unknown; locked: boolean }>;
  /** The opened form of locked items; `failed` names those whose sealed secrets would not open. */
  openItems(items: readonly WorkspaceItem[]): Promise<{ opened: WorkspaceItem[]; failed: WorkspaceItem[] }>;
}

export function keyVault(crypto: Crypto = globalThis.crypto): KeyVault {
  let header: KeyLockHeader | undefined;
  let privateKey: CryptoKey | undefined;
  let opener: ReturnType<typeof secretsOpener> | undefined;
  let unusable: string | undefined;
  const sealed = new Map<string, SealedSecrets>();

  const vault: KeyVault = {
    status: () => (header ? (privateKey ? 'unlocked' : 'locked') : unusable ? 'locked' : 'off'),
    header: () => header,
    setHeader(next, key) {
      unusable = undefined;
      const samePair = next && header && next.publicKey === header.publicKey;
      header = next;
      if (key) privateKey = key;
      else if (!samePair) privateKey = undefined; // another key pair: what was opened no longer opens it
      opener = privateKey ? secretsOpener(privateKey, crypto) : undefined;
      if (!next) sealed.clear();
    },
    setUnusable(problem) {
      unusable = problem;
      header = privateKey = opener = undefined;
    },
    close() {
      privateKey = undefined;
      opener = undefined;
    },
    async open(passphrase) {
      if (!header) throw new Error(unusable ?? 'No key lock is set.');
      const key = await openLock(lockKeyWrapping(), header, passphrase, crypto);
      vault.setHeader(header, key);
    },
    isSealed: (id) => sealed.has(id),
    forget: (id) => void sealed.delete(id),

    async toRecords(items, version) {
      let seal: Awaited<ReturnType<typeof batchSealer>> | undefined;
      const out: ItemRecord[] = [];
      for (const item of items) {
        const secrets = secretsOf(item);
        let sealedKey: SealedSecrets | undefined;
        if (secrets && header) {
          seal ??= await batchSealer(header, crypto);
          sealedKey = await seal(item.id, secrets);
          sealed.set(item.id, sealedKey);
        } else if (secrets && unusable) {
          throw new Error(
            `${item.name} was not saved: ${unusable} A new private key cannot be stored sealed under it.`,
          );
        } else if (item.keyLocked) {
          // Whatever the lock's state: a locked item's key exists only in its sealed form, so the
          // record keeps it. Without it, a record would be written that holds no key at all.
          sealedKey = sealed.get(item.id);
          if (!sealedKey)
            throw new Error(
              `${item.name} was not saved: this tab does not hold its sealed private key, which would be lost.`,
            );
        } else sealed.delete(item.id); // stored in plaintext (no lock) or holds no key
        out.push({
          id: item.id,
          version,
          item: sealedKey ? { ...withoutSecrets(item), sealedKey } : withoutLockMark(item),
        });
      }
      return out;
    },

    async fromRecord(rec) {
      const value = rec.item as Record<string, unknown> | null;
      const sealedKey = value && typeof value === 'object' ? parseSealedSecrets(value.sealedKey) : undefined;
      if (!value || !sealedKey) {
        sealed.delete(rec.id); // what is stored now holds no sealed key
        return { value: rec.item, locked: false };
      }
      const { sealedKey: _s, ...rest } = value;
      sealed.set(rec.id, sealedKey);
      if (opener) {
        try {
          return { value: { ...rest, ...(await opener(rec.id, sealedKey)) }, locked: false };
        } catch {
          // Damaged or moved: shown locked; unlocking reports it.
        }
      }
      return { value: rest, locked: true };
    },

    async openItems(items) {
      const opened: WorkspaceItem[] = [];
      const failed: WorkspaceItem[] = [];
      if (!opener) return { opened, failed: items.filter((i) => i.keyLocked) };
      for (const item of items) {
        const sealedKey = item.keyLocked ? sealed.get(item.id) : undefined;
        if (!item.keyLocked) continue;
        try {
          if (!sealedKey) throw new Error('no sealed key');
          const { keyLocked: _l, ...rest } = item;
          opened.push({ ...rest, ...(await opener(item.id, sealedKey)) });
        } catch {
          failed.push(item);
        }
      }
      return { opened, failed };
    },
  };
  return vault;
}

function withoutLockMark(item: WorkspaceItem): WorkspaceItem {
  if (!item.keyLocked) return item;
  const { keyLocked: _l, ...rest } = item;
  return rest;
}

/** True when a stored record holds sealed secrets. */
export function holdsSealedSecrets(rec: ItemRecord): boolean {
  const value = rec.item as Record<string, unknown> | null;
  return Boolean(value && typeof value === 'object' && parseSealedSecrets(value.sealedKey));
}

/** The lock held by a record, when it is the lock's record. */
export function lockOfRecord(rec: ItemRecord): KeyLockHeader | undefined {
  return rec.id === LOCK_RECORD_ID ? parseLockHeader(rec.item) : undefined;
}
