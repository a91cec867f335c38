/**
 * Workspace facts (ItemMeta) for the leaves of one issueBatch call without reading each
 * certificate with @peculiar/x509: in a Chromium trace of a 1000-node cluster that reading was a
 * quarter of the worker's time. Leaves of one batch share issuer, key type and validity window
 * (batch.ts makes one window for all), and differ in subject (CN = the node's name: letters,
 * digits, '.', '_' and '-' per parseBatch, which RFC 4514 never escapes), serial and SANs. So
 * the first leaf is read in full, every other one is derived from it with its own CN, SANs and
 * serial (the issuer's own record of it), and the derivation is checked against a full read of
 * the first and the last leaf; if either differs, every leaf is read in full.
 */
import type { SanEntry } from '../pki/light/index.ts';
import type { ItemMeta, ItemProfile } from '../store/types.ts';
import { certificateMeta } from './issuing-meta.ts';

export interface BatchLeaf {
  name: string;
  certPem: string;
  /** Lower-case hex, as the issuer wrote it (BatchItem.serial). */
  serial: string;
  sans: readonly SanEntry[];
}

const same = (a: ItemMeta, b: ItemMeta) => JSON.stringify(a) === JSON.stringify(b);

export function batchLeafMeta(leaves: readonly BatchLeaf[], profile: ItemProfile): ItemMeta[] {
  const full = (l: BatchLeaf) => certificateMeta(l.certPem, { profile }, l.sans);
  const first = leaves[0];
  const last = leaves[leaves.length - 1];
  if (!first || !last || leaves.length < 3) return leaves.map(full);
  const model = full(first);
  const derive = (l: BatchLeaf): ItemMeta => {
    const meta: ItemMeta = { ...model, subject: `CN=${l.name}`, serial: l.serial };
    if (l.sans.length) meta.sans = l.sans.map((s) => ({ kind: s.kind, value: s.value }));
    else delete meta.sans;
    return meta;
  };
  if (!same(derive(first), model) || !same(derive(last), full(last))) return leaves.map(full);
  return leaves.map((l, i) => (i === 0 ? model : derive(l)));
}
