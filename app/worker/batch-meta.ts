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
import type { ItemMeta, ItemProfile } from '../store/types.ts';
import { certificateMeta } from './issuing-meta.ts';
import { decodeLeafColumns, leafColumns, type LeafColumns, type WireLeaf } from './cluster-wire.ts';

/** A leaf of one issueBatch call; `serial` is lower-case hex, as the issuer wrote it (BatchItem.serial). */
export type BatchLeaf = WireLeaf;

const same = (a: ItemMeta, b: ItemMeta) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The facts of one batch's leaves as the wire sends them (cluster-wire.ts): the first leaf's as a
 * model when decoding with it (decodeLeafColumns's rule) gives the first and the last leaf the
 * facts a full read gives them, else each one's.
 */
export function batchLeafFacts(leaves: readonly BatchLeaf[], profile: ItemProfile): LeafColumns['facts'] {
  const full = (l: BatchLeaf) => certificateMeta(l.certPem, { profile }, l.sans);
  const first = leaves[0];
  const last = leaves[leaves.length - 1];
  if (!first || !last || leaves.length < 3) return { each: leaves.map(full) };
  const model = full(first);
  const [a, b] = decodeLeafColumns(leafColumns([first, last], { model }));
  if (!a || !b || !same(a.meta, model) || !same(b.meta, full(last))) return { each: leaves.map(full) };
  return { model };
}
