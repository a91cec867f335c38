/**
 * The badges of an inventory row: how close a certificate is to its notAfter, and whether it
 * was revoked (its CA's revocation list holds its serial) or superseded (renewed).
 */
import { isRevoked } from '../../pki/light/index.ts';
import type { InventoryItem } from './types.ts';

/** A certificate this close to its end is "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

export type Expiry = 'expired' | 'soon' | 'fine';

export interface ItemStatus {
  /** Undefined for what has no validity (keys, CSRs, bundles). */
  expiry?: Expiry;
  /** Whole days left (negative once expired). */
  daysLeft?: number;
  revoked: boolean;
  superseded: boolean;
}

export function expiryOf(notAfter: string, now: Date): { expiry: Expiry; daysLeft: number } {
  const left = Date.parse(notAfter) - now.getTime();
  const daysLeft = Math.floor(left / DAY_MS);
  return { expiry: left <= 0 ? 'expired' : left <= EXPIRING_SOON_DAYS * DAY_MS ? 'soon' : 'fine', daysLeft };
}

/**
 * Whether `item` was renewed: its successor is still in the workspace. A successor deleted since
 * (a renewal made by mistake, then removed) leaves the item current again, so it can be renewed
 * once more; the stale link is not cleared, so Undo of that deletion links them again.
 */
export function isSuperseded(item: Pick<InventoryItem, 'meta'>, has: (id: string) => boolean): boolean {
  const successor = item.meta.supersededBy;
  return successor !== undefined && has(successor);
}

/** The status of `item`; `byId` finds its issuing CA (parentId) to look up revocation. */
export function itemStatus(item: InventoryItem, byId: ReadonlyMap<string, InventoryItem>, now: Date): ItemStatus {
  const issuer = item.parentId ? byId.get(item.parentId) : undefined;
  const serial = item.meta.serial;
  const revocations = issuer?.meta.revocations;
  return {
    ...(item.meta.notAfter ? expiryOf(item.meta.notAfter, now) : {}),
    revoked: !!(serial && revocations && isRevoked(revocations, serial)),
    superseded: isSuperseded(item, (id) => byId.has(id)),
  };
}
