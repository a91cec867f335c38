/**
 * PEM with the platform's own base64 (Uint8Array.prototype.toBase64, TC39's Uint8Array base64
 * proposal: Chromium 140+, Firefox 133+, Safari 18.2+; not in Node 20) for the batch fast path,
 * where certbench's table-driven encoder (pem.ts) was a tenth of the worker's own JavaScript per
 * certificate in a Chromium profile of a 1000-node cluster. Used only after it wrote, for bytes
 * covering every 6-bit value and each tail length, exactly what pemEncode writes.
 */
import { pemEncode } from './pem.ts';

type ToBase64 = (this: Uint8Array) => string;

/** PEM's base64 lines: 64 characters, the last one up to 64 (RFC 7468 §2). */
const LINES = /.{1,64}/g;

/** Lengths that cover the three base64 tails, an exact 64-character line and several lines. */
const SAMPLE_LENGTHS = [0, 1, 2, 3, 47, 48, 49, 190, 256];

/**
 * pemEncode on `toBase64`, or undefined when the platform has none or it writes anything else
 * for the samples (its line layout is pemEncode's: 64 characters a line, LF).
 */
export function nativePemEncoder(
  toBase64: ToBase64 | undefined = (Uint8Array.prototype as { toBase64?: ToBase64 }).toBase64,
): ((label: string, der: Uint8Array) => string) | undefined {
  if (typeof toBase64 !== 'function') return undefined;
  // One flat string per PEM: appending slices made a rope of some twenty small strings per PEM
  // that a batch keeps until its result is sent, each one copied by every young-generation
  // collection meanwhile. The lines are cut by one regular-expression replace (native code)
  // rather than a loop of slices, which in a fresh worker's first clusters runs in V8's
  // unoptimised tiers twice per leaf. Each line, the last one too, ends in LF, as pemEncode's.
  const encode = (label: string, der: Uint8Array) =>
    [`-----BEGIN ${label}-----\n`, toBase64.call(der).replace(LINES, '$&\n'), `-----END ${label}-----\n`].join('');
  try {
    for (const n of SAMPLE_LENGTHS) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + 7) & 255);
      if (encode('CERTIFICATE', bytes) !== pemEncode('CERTIFICATE', bytes)) return undefined;
    }
  } catch {
    return undefined;
  }
  return encode;
}

/** nativePemEncoder(), checked once per module life; undefined where the platform has none. */
let checked: { encode: ReturnType<typeof nativePemEncoder> } | undefined;
export function platformPemEncoder(): ReturnType<typeof nativePemEncoder> {
  return (checked ??= { encode: nativePemEncoder() }).encode;
}

/** pemEncode(label, der), on the platform's base64 once it proved itself (nativePemEncoder). */
export function fastPemEncode(label: string, der: Uint8Array): string {
  const encode = platformPemEncoder();
  return encode ? encode(label, der) : pemEncode(label, der);
}
