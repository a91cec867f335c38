/**
 * The workspace item for what an issuing operation made (a CA, a leaf, a signed CSR): the one
 * place the views and the tests turn an `Issued` into a `NewItem`, so its typed facts (SANs,
 * profile) reach the store as the operation wrote them.
 */
import type { ItemKind, NewItem } from '../store/index.ts';
import type { Issued } from '../worker/pki-contract.ts';

export interface IssuedItemOptions {
  kind: Extract<ItemKind, 'ca' | 'certificate'>;
  name: string;
  /** The workspace CA that signed it; absent for a root. */
  parentId?: string;
  /** Facts to set over the operation's own (e.g. the CA's profile, where a signed CSR came from). */
  meta?: NewItem['meta'];
}

export function issuedItem(
  issued: Pick<Issued, 'certPem' | 'keyPem' | 'chainPem' | 'meta'>,
  options: IssuedItemOptions,
): NewItem {
  return {
    kind: options.kind,
    name: options.name,
    pem: issued.certPem,
    ...(issued.keyPem ? { keyPem: issued.keyPem } : {}),
    ...(issued.chainPem ? { chainPem: issued.chainPem } : {}),
    ...(options.parentId ? { parentId: options.parentId } : {}),
    meta: { ...issued.meta, ...options.meta },
  };
}
