/**
 * The one ASN.1 TLV reader of the core: a small, strict BER/DER reader for sniffing, for
 * walking containers (PKCS#7, PKCS#12) and for locating a certificate's fields, without building
 * an ASN.1 object tree. Every read is bounds-checked against its parent, nesting is capped, and
 * indefinite lengths (which some PKCS#12 writers still emit) are accepted only for constructed
 * values; the DER view (der-node.ts) refuses them. Errors are `TlvError`s; callers turn them
 * into items or findings. The length rules here are also the writer's (der-writer.ts).
 */

export class TlvError extends Error {
  override readonly name = 'TlvError';
}

/** Deepest ASN.1 nesting accepted (real certificates stay under 12). */
export const MAX_ASN1_DEPTH = 32;

/** Most octets a long-form length may take: 4 (values up to 4 GiB, far above the input cap). */
export const MAX_LENGTH_OCTETS = 4;

/** The DER length octets for `n` (X.690 §8.1.3: short form below 128, else the minimal long form). */
export function encodeLength(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  if (out.length > MAX_LENGTH_OCTETS) throw new TlvError('ASN.1 length too large');
  return [0x80 | out.length, ...out];
}

/** One tag-length-value. `start..end` spans the whole TLV, `contentStart..contentEnd` its value. */
export interface Tlv {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  cls: number;
  constructed: boolean;
  tagNumber: number;
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
  indefinite: boolean;
}

/**
 * The identifier octet of a TLV with a low tag number (X.690 §8.1.2: class, constructed bit, tag),
 * e.g. 0x30 for a SEQUENCE: for code that compares with the writer's tag bytes (der-writer.ts TAG).
 */
export function identifierOctet(tlv: Tlv): number {
  return (tlv.cls << 6) | (tlv.constructed ? 0x20 : 0) | (tlv.tagNumber < 31 ? tlv.tagNumber : 31);
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  SEQUENCE: 16,
  SET: 17,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
} as const;

/** Read the TLV at `offset`, which must end by `limit`. */
export function readTlv(buf: Uint8Array, offset: number, limit: number = buf.length, depth = 0): Tlv {
  if (depth > MAX_ASN1_DEPTH) throw new TlvError(`ASN.1 nesting deeper than ${MAX_ASN1_DEPTH} levels`);
  let p = offset;
  if (p >= limit) throw new TlvError('truncated ASN.1 (missing tag)');
  const first = buf[p++] ?? 0;
  const cls = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (p >= limit || i > 3) throw new TlvError('bad ASN.1 tag');
      const b = buf[p++] ?? 0;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
  }
  if (p >= limit) throw new TlvError('truncated ASN.1 (missing length)');
  const lenByte = buf[p++] ?? 0;
  if (lenByte === 0x80) {
    if (!constructed) throw new TlvError('indefinite length on a primitive ASN.1 value');
    const contentStart = p;
    // Children until the end-of-contents marker (00 00).
    for (;;) {
      if (p + 2 > limit) throw new TlvError('truncated ASN.1 (no end-of-contents)');
      if (buf[p] === 0 && buf[p + 1] === 0) {
        return {
          cls,
          constructed,
          tagNumber,
          start: offset,
          contentStart,
          contentEnd: p,
          end: p + 2,
          indefinite: true,
        };
      }
      p = readTlv(buf, p, limit, depth + 1).end;
    }
  }
  let length = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n > MAX_LENGTH_OCTETS) throw new TlvError('ASN.1 length too large');
    length = 0;
    for (let i = 0; i < n; i++) {
      if (p >= limit) throw new TlvError('truncated ASN.1 (length)');
      length = length * 256 + (buf[p++] ?? 0);
    }
  }
  const contentStart = p;
  const contentEnd = contentStart + length;
  if (contentEnd > limit) throw new TlvError('truncated ASN.1 (value runs past its container)');
  return { cls, constructed, tagNumber, start: offset, contentStart, contentEnd, end: contentEnd, indefinite: false };
}

/** The children of a constructed TLV, in order. */
export function childrenOf(buf: Uint8Array, tlv: Tlv, depth = 0): Tlv[] {
  if (!tlv.constructed) throw new TlvError('expected a constructed ASN.1 value');
  const out: Tlv[] = [];
  let p = tlv.contentStart;
  while (p < tlv.contentEnd) {
    const child = readTlv(buf, p, tlv.contentEnd, depth + 1);
    out.push(child);
    p = child.end;
  }
  return out;
}

/** Parse one whole TLV that must fill `buf` exactly (no trailing bytes). */
export function readWhole(buf: Uint8Array): Tlv {
  const tlv = readTlv(buf, 0, buf.length);
  if (tlv.end !== buf.length)
    throw new TlvError(`${buf.length - tlv.end} bytes of trailing data after the ASN.1 value`);
  return tlv;
}

export function is(tlv: Tlv | undefined, cls: number, tagNumber: number, constructed?: boolean): tlv is Tlv {
  return (
    !!tlv &&
    tlv.cls === cls &&
    tlv.tagNumber === tagNumber &&
    (constructed === undefined || tlv.constructed === constructed)
  );
}

export function isUniversal(tlv: Tlv | undefined, tagNumber: number): tlv is Tlv {
  return is(tlv, 0, tagNumber);
}

export function isContext(tlv: Tlv | undefined, tagNumber: number): tlv is Tlv {
  return is(tlv, 2, tagNumber);
}

/** The bytes of the whole TLV (a view into `buf`). */
export function tlvView(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.end);
}

/** The bytes of the whole TLV (a copy, so it can cross to a worker on its own). */
export function tlvBytes(buf: Uint8Array, tlv: Tlv): Uint8Array<ArrayBuffer> {
  return buf.slice(tlv.start, tlv.end);
}

/** The content bytes (a view). For constructed BER OCTET STRINGs, the concatenated pieces. */
export function contentOf(buf: Uint8Array, tlv: Tlv): Uint8Array {
  if (!tlv.constructed) return buf.subarray(tlv.contentStart, tlv.contentEnd);
  const parts = childrenOf(buf, tlv).map((c) => contentOf(buf, c));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Dotted string of an OBJECT IDENTIFIER TLV. */
export function oidOf(buf: Uint8Array, tlv: Tlv): string {
  if (!isUniversal(tlv, TAG.OID) || tlv.constructed) throw new TlvError('expected an OBJECT IDENTIFIER');
  return oidFromContent(buf.subarray(tlv.contentStart, tlv.contentEnd));
}

/** Arcs below this are added up in plain numbers (×128 + 127 stays under 2^53); larger ones (UUID arcs under 2.25) in BigInt. */
const SAFE_ARC = 2 ** 45;

/** The first two arcs, packed in the first subidentifier as 40 × first + second (X.690 §8.19.4). */
function firstArcs(packed: number | bigint): string {
  if (typeof packed === 'bigint') return `2.${(packed - 80n).toString()}`;
  const first = packed < 40 ? 0 : packed < 80 ? 1 : 2;
  return `${first}.${packed - first * 40}`;
}

/**
 * Dotted string of OBJECT IDENTIFIER content octets (also for implicitly tagged ones). Numbers,
 * not BigInt, for every arc that fits: a BigInt per byte was 4% of Inspect's worker time over a
 * CA bundle (every name attribute, extension and algorithm is an OID).
 */
export function oidFromContent(bytes: Uint8Array): string {
  if (bytes.length === 0 || bytes.length > 64 || (bytes[bytes.length - 1] ?? 0) & 0x80)
    throw new TlvError('bad OBJECT IDENTIFIER');
  let text = '';
  let value = 0;
  let big: bigint | undefined;
  for (const b of bytes) {
    if (big === undefined && value < SAFE_ARC) value = value * 128 + (b & 0x7f);
    else big = (big ?? BigInt(value)) * 128n + BigInt(b & 0x7f);
    if (b & 0x80) continue;
    const arc = big ?? value;
    text = text === '' ? firstArcs(arc) : `${text}.${arc.toString()}`;
    value = 0;
    big = undefined;
  }
  return text;
}

/** A small non-negative INTEGER (e.g. a version), or undefined when it is not one. */
export function smallIntOf(buf: Uint8Array, tlv: Tlv | undefined): number | undefined {
  if (!isUniversal(tlv, TAG.INTEGER) || tlv.constructed) return undefined;
  const len = tlv.contentEnd - tlv.contentStart;
  if (len < 1 || len > 4) return undefined;
  let v = 0;
  for (let i = tlv.contentStart; i < tlv.contentEnd; i++) v = v * 256 + (buf[i] ?? 0);
  return (buf[tlv.contentStart] ?? 0) & 0x80 ? undefined : v;
}
