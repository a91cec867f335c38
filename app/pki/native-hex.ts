/**
 * Lower-case hex of bytes with the platform's own Uint8Array.prototype.toHex (TC39's Uint8Array
 * base64 proposal: Chromium 140+, Firefox 133+, Safari 18.2+; not in Node 20) for the batch fast
 * path's per-leaf serial text, where Convert.ToHex appends two small strings per byte: a rope of
 * some thirty pieces per serial, built in code the JIT has not optimised yet in a worker's first
 * clusters and kept until the batch's result is sent. Used only after it wrote exactly what
 * Convert.ToHex writes for every byte value, once per module life; Convert.ToHex otherwise.
 */
import { Convert } from 'pvtsutils';

type ToHex = (this: Uint8Array) => string;

/** Every byte value, each at an even and an odd offset, and an empty array. */
const SAMPLES = [new Uint8Array(0), Uint8Array.from({ length: 257 }, (_, i) => i & 255)];

/** `toHex` when it writes what Convert.ToHex writes for the samples, else undefined. */
export function provenToHex(
  toHex: ToHex | undefined = (Uint8Array.prototype as { toHex?: ToHex }).toHex,
): ((bytes: Uint8Array) => string) | undefined {
  if (typeof toHex !== 'function') return undefined;
  const encode = (bytes: Uint8Array) => toHex.call(bytes);
  try {
    for (const sample of SAMPLES) if (encode(sample) !== Convert.ToHex(sample)) return undefined;
  } catch {
    return undefined;
  }
  return encode;
}

let checked: { encode: ((bytes: Uint8Array) => string) | undefined } | undefined;

/** Convert.ToHex(bytes), on the platform's encoder once it proved itself. */
export function bytesToHex(bytes: Uint8Array): string {
  const encode = (checked ??= { encode: provenToHex() }).encode;
  return encode ? encode(bytes) : Convert.ToHex(bytes);
}
