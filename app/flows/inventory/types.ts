/**
 * What the inventory reads of a workspace item: the store's WorkspaceItem fits this shape as it
 * is (structural typing; nothing here imports the store), plus the two lifecycle facts issue 11
 * adds to the meta: a CA's revocation list and the successor of a renewed certificate.
 */
import type { RevocationList, SanEntry } from '../../pki/light/index.ts';

export interface LifecycleMeta {
  /** On a CA: what it has revoked and the number of its last CRL (revocation-list.ts). */
  revocations?: RevocationList;
  /** On a renewed certificate: the id of the certificate that replaced it. */
  supersededBy?: string;
}

export interface InventoryMeta extends LifecycleMeta {
  subject?: string;
  issuer?: string;
  serial?: string;
  notAfter?: string;
  profile?: string;
  keyAlgorithm?: string;
  sans?: readonly SanEntry[];
  /** The cluster a bundle (or an item) belongs to. */
  cluster?: string;
  /** For bundles: the ids of the items it is made of. */
  members?: readonly string[];
}

export interface InventoryItem {
  id: string;
  /** 'ca' | 'certificate' | 'key' | 'csr' | 'bundle' (the store's ItemKind). */
  kind: string;
  name: string;
  /** The CA item that issued this one. */
  parentId?: string;
  meta: InventoryMeta;
}
