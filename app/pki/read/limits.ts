/**
 * Caps on what one input may cost. Readers refuse more than these with an error item that
 * states the cap, so a hostile or mistaken drop can neither hang the page nor exhaust memory.
 */

/** Largest input read, per file or pasted text: 10 MiB. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Deepest ASN.1 nesting accepted: the TLV reader's own cap (../asn1/tlv.ts). */
export { MAX_ASN1_DEPTH } from '../asn1/tlv.ts';

/** Most items one input may produce (a large CA bundle has a few hundred). */
export const MAX_ITEMS = 5000;

/** Time spent on one input before the reader stops and says so, in milliseconds. */
export const TIME_BUDGET_MS = 10_000;

/** Iteration counts are bounded in ../legacy/iteration-limit.ts (5,000,000 for PKCS#12 MACs and PBE, as Java). */

/** "10 MiB" for messages. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MiB`
    : n >= 1024
      ? `${Math.round(n / 1024)} KiB`
      : `${n} bytes`;
}
