/**
 * A leaf the core made under an issuer (issued, or renewed) in the plain Issued shape of
 * pki-contract.ts: its PEMs, the issuer's chain above it, the workspace facts with its profile and
 * SANs, and the core's notes. Issue and the two renewals answer with this one shape, so a field
 * added to what a new leaf reports is added here once.
 */
import type { SanEntry } from '../pki/light/index.ts';
import type { ItemProfile } from '../store/types.ts';
import { certificateMeta, chainAbove } from './issuing-meta.ts';
import type { Issued, IssuerInput } from './pki-contract.ts';

/** What the core returns for a leaf it signed, with the key that goes with it. */
export interface MadeLeaf {
  certPem: string;
  keyPem: string;
  sans: readonly SanEntry[];
  notes: string[];
}

export function issuedLeaf(leaf: MadeLeaf, issuer: IssuerInput, profile: ItemProfile): Issued & { keyPem: string } {
  return {
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    chainPem: chainAbove(issuer),
    meta: certificateMeta(leaf.certPem, { profile }, leaf.sans),
    notes: leaf.notes,
  };
}
