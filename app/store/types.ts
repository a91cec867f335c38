/**
 * The workspace's plain data: what the store holds, what IndexedDB persists and what a workspace
 * file carries. Only strings, numbers and ISO dates: no CryptoKey, no X509Certificate.
 */

import type { LeafProfile, RevocationList, SanEntry } from '../pki/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import type { TargetId } from '../targets/index.ts';

/** What a workspace item is. A CA is a certificate that can issue; a bundle groups other items. */
export type ItemKind = 'ca' | 'certificate' | 'key' | 'csr' | 'bundle';

export const ITEM_KINDS: readonly ItemKind[] = ['ca', 'certificate', 'key', 'csr', 'bundle'];

/** A leaf's profile, or what kind of CA an item is. */
export type ItemProfile = LeafProfile | 'root' | 'intermediate';

export const ITEM_PROFILES: readonly ItemProfile[] = ['node', 'server', 'client', 'root', 'intermediate'];

/** Facts shown in lists and used to filter, read once from the PEM when the item is made. */
export interface ItemMeta {
  subject?: string;
  issuer?: string;
  serial?: string;
  notBefore?: string;
  notAfter?: string;
  profile?: ItemProfile;
  keyAlgorithm?: string;
  /** The certificate's (or request's) SANs, typed: kind and canonical value, never "DNS:x" text. */
  sans?: SanEntry[];
  /** For bundles: the layout id, the target system and the cluster the bundle was made for. */
  layout?: LayoutId;
  target?: TargetId;
  cluster?: string;
  /**
   * For Cassandra bundles: the files chosen in the Cluster form, so "Download again" and Export
   * build the same form. The PKCS#12 store password is never stored: it is asked again.
   */
  cassandraFormat?: 'pem' | 'pkcs12';
  /** For bundles: ids of the items the bundle is made of (CA first). */
  members?: string[];
  /** Where an imported item came from (file name), for the user's memory. */
  source?: string;
  /** On a CA: what it revoked and the number of its last CRL (the CLI's revoked.json). */
  revocations?: RevocationList;
  /** On a renewed certificate: the id of the one that replaced it (the old one stays until deleted). */
  supersededBy?: string;
}

export interface WorkspaceItem {
  /** Random, stable id (hex). */
  id: string;
  kind: ItemKind;
  /** The user's name for it; defaults to the CN. */
  name: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; the newer record wins when two tabs touch the same item. */
  updatedAt: string;
  /** The certificate (leaf first) or CSR or key, as PEM. Empty for bundles. */
  pem: string;
  /** PKCS#8 PEM private key, when the workspace holds it. */
  keyPem?: string;
  /**
   * In memory only: the workspace holds a private key for this item (its `keyPem`, or a key
   * item's `pem`) but it is sealed by the key lock and not unlocked in this tab (key-vault.ts).
   */
  keyLocked?: true;
  /** The issuer chain above the certificate (intermediate … root), PEM. */
  chainPem?: string;
  /** The CA item that issued this one. */
  parentId?: string;
  meta: ItemMeta;
}

/** A new item before the store gives it an id and dates. */
export type NewItem = Omit<WorkspaceItem, 'id' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<WorkspaceItem, 'id' | 'createdAt'>>;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Random hex id (24 digits); getRandomValues exists even where crypto.subtle does not. */
export function newId(): string {
  return newIds(1)[0] ?? '';
}

/** The most bytes one getRandomValues call fills (WebCrypto's QuotaExceededError beyond). */
const RANDOM_BYTES_PER_CALL = 65536;

/**
 * `count` ids as newId makes them, from as few getRandomValues calls as can hold them: the call
 * itself is what costs in a browser (about 7 µs each in Chromium, 7 ms for a thousand-node cluster).
 */
export function newIds(count: number): string[] {
  const ids: string[] = [];
  while (ids.length < count) {
    const n = Math.min(count - ids.length, Math.floor(RANDOM_BYTES_PER_CALL / 12));
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12 * n));
    // Indexed, not a subarray and an iterator per id: this runs once per save, cold (not optimised).
    for (let at = 0; at < bytes.length; at += 12) {
      let id = '';
      for (let i = at; i < at + 12; i++) id += HEX[bytes[i] ?? 0] ?? '';
      ids.push(id);
    }
  }
  return ids;
}
