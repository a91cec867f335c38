/**
 * A minimal DER writer and TLV reader for the certificate hot path (leaf-template.ts), where
 * building ASN.1 object trees costs more than the signature. Only definite lengths, only what
 * certificates need; everything it writes is checked byte for byte against the general path.
 */

/** Tags used on the hot path. */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** Concatenate byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One TLV: tag, DER length, then the parts as content. */
export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const content = parts.length === 1 && parts[0] ? parts[0] : concat(parts);
  const len = lengthBytes(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

/** A non-negative INTEGER from big-endian magnitude bytes, minimally encoded. */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array<ArrayBuffer> {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const body = magnitude.subarray(start);
  const pad = (body[0] ?? 0) & 0x80 ? new Uint8Array([0]) : new Uint8Array(0);
  return tlv(TAG.INTEGER, pad, body);
}

const ascii = (s: string): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

/** Bytes of an ASCII (IA5) string. */
export const asciiBytes = ascii;

const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5280 §4.1.2.5 Time: UTCTime through 2049, GeneralizedTime from 2050, whole seconds, Z. */
export function x509Time(d: Date): Uint8Array<ArrayBuffer> {
  const y = d.getUTCFullYear();
  const rest = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
  return y > 2049
    ? tlv(TAG.GENERALIZED_TIME, ascii(`${String(y).padStart(4, '0')}${rest}`))
    : tlv(TAG.UTC_TIME, ascii(`${two(y % 100)}${rest}`));
}

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the content. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

/** Read the TLV at `offset` (definite lengths only). */
export function readTlv(bytes: Uint8Array, offset: number): Tlv {
  const tag = bytes[offset];
  let first = bytes[offset + 1];
  if (tag === undefined || first === undefined) throw new Error('DER: truncated');
  let at = offset + 2;
  let len = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER: unsupported length');
    len = 0;
    for (let i = 0; i < n; i++) {
      first = bytes[at++];
      if (first === undefined) throw new Error('DER: truncated');
      len = len * 256 + first;
    }
  }
  const end = at + len;
  if (end > bytes.length) throw new Error('DER: truncated');
  return { tag, start: offset, contentStart: at, end };
}

/** The children of a constructed TLV. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const t = readTlv(bytes, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

/** The whole encoding of a TLV (tag, length and content). */
export function whole(bytes: Uint8Array, t: Tlv): Uint8Array {
  return bytes.subarray(t.start, t.end);
}

/** ECDSA's raw r||s (WebCrypto) as a DER Ecdsa-Sig-Value (RFC 3279 §2.2.3). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const half = raw.length / 2;
  return tlv(TAG.SEQUENCE, unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}
