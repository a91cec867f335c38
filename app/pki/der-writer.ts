/**
 * A minimal DER writer for the certificate hot path (leaf-template.ts), where building ASN.1
 * object trees costs more than the signature. Only definite lengths, only what certificates
 * need; everything it writes is checked byte for byte against the general path. Lengths are
 * encoded by the reader's own codec (asn1/tlv.ts), so what one writes the other reads.
 */
import { encodeLength } from './asn1/tlv.ts';
import { ownBytes, type ByteAllocator } from './der-arena.ts';

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
  const len = encodeLength(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

/** How many octets the DER length of `n` content bytes takes (encodeLength(n).length, nothing built). */
export function lengthOctets(n: number): number {
  return n < 0x80 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x1000000 ? 4 : 5;
}

/** The size of a TLV with a one-octet tag and `n` content bytes. */
export function tlvSize(n: number): number {
  return 1 + lengthOctets(n) + n;
}

/**
 * A DER encoding written front to back into one buffer whose size the caller computed first
 * (tlvSize), for the hot path: every certificate then costs one allocation instead of one per
 * TLV and level. `done()` refuses a buffer the writes did not fill exactly, so a size computed
 * wrong fails loudly instead of leaving zeros in a certificate. `allocate` gives the bytes: a
 * buffer of their own by default, a view into a shared slab on the batch's per-leaf path
 * (der-arena.ts, whose contract the caller then keeps).
 */
export class DerBuffer {
  readonly bytes: Uint8Array<ArrayBuffer>;
  private at = 0;

  constructor(size: number, allocate: ByteAllocator = ownBytes) {
    this.bytes = allocate(size);
  }

  /** A tag and the DER length of `contentLength` (the same octets as encodeLength). */
  header(tag: number, contentLength: number): this {
    const b = this.bytes;
    b[this.at++] = tag;
    const n = lengthOctets(contentLength) - 1;
    if (n === 0) {
      b[this.at++] = contentLength;
      return this;
    }
    b[this.at++] = 0x80 | n;
    for (let shift = 8 * (n - 1); shift >= 0; shift -= 8) b[this.at++] = (contentLength >>> shift) & 0xff;
    return this;
  }

  put(part: Uint8Array): this {
    this.bytes.set(part, this.at);
    this.at += part.length;
    return this;
  }

  /** The char codes of an ASCII string, as asciiBytes makes them. */
  ascii(text: string): this {
    const b = this.bytes;
    for (let i = 0; i < text.length; i++) b[this.at++] = text.charCodeAt(i);
    return this;
  }

  done(): Uint8Array<ArrayBuffer> {
    if (this.at !== this.bytes.length)
      throw new Error(`DER writer: ${this.at} bytes written into a buffer of ${this.bytes.length}`);
    return this.bytes;
  }
}

const PAD = new Uint8Array([0]);
const EMPTY = new Uint8Array(0);

/**
 * The content of a non-negative INTEGER from big-endian magnitude bytes (X.690 §8.3: minimal):
 * the magnitude without its leading zero bytes, after a 0x00 pad when its top bit is set.
 */
export function integerContent(magnitude: Uint8Array): { pad: 0 | 1; body: Uint8Array } {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const body = magnitude.subarray(start);
  return { pad: (body[0] ?? 0) & 0x80 ? 1 : 0, body };
}

/** A non-negative INTEGER from big-endian magnitude bytes, minimally encoded. */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array<ArrayBuffer> {
  const { pad, body } = integerContent(magnitude);
  return new DerBuffer(tlvSize(pad + body.length))
    .header(TAG.INTEGER, pad + body.length)
    .put(pad ? PAD : EMPTY)
    .put(body)
    .done();
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

/** ECDSA's raw r||s (WebCrypto) as a DER Ecdsa-Sig-Value (RFC 3279 §2.2.3), in bytes from `allocate`. */
export function ecdsaRawToDer(raw: Uint8Array, allocate: ByteAllocator = ownBytes): Uint8Array<ArrayBuffer> {
  const half = raw.length / 2;
  const r = integerContent(raw.subarray(0, half));
  const s = integerContent(raw.subarray(half));
  const rLength = r.pad + r.body.length;
  const sLength = s.pad + s.body.length;
  const content = tlvSize(rLength) + tlvSize(sLength);
  // One buffer, written once: the batch converts every leaf's signature (three before).
  return new DerBuffer(tlvSize(content), allocate)
    .header(TAG.SEQUENCE, content)
    .header(TAG.INTEGER, rLength)
    .put(r.pad ? PAD : EMPTY)
    .put(r.body)
    .header(TAG.INTEGER, sLength)
    .put(s.pad ? PAD : EMPTY)
    .put(s.body)
    .done();
}

const NO_UNUSED_BITS = new Uint8Array([0]);

/**
 * A Certificate (RFC 5280 §4.1) around a TBSCertificate, its signature AlgorithmIdentifier and
 * the signature value as it goes into the BIT STRING (ECDSA: the DER Ecdsa-Sig-Value): one
 * buffer, written once, from `allocate`.
 */
export function certificateDer(
  tbs: Uint8Array,
  sigAlg: Uint8Array,
  signature: Uint8Array,
  allocate: ByteAllocator = ownBytes,
): Uint8Array<ArrayBuffer> {
  const bits = 1 + signature.length;
  const content = tbs.length + sigAlg.length + tlvSize(bits);
  return new DerBuffer(tlvSize(content), allocate)
    .header(TAG.SEQUENCE, content)
    .put(tbs)
    .put(sigAlg)
    .header(TAG.BIT_STRING, bits)
    .put(NO_UNUSED_BITS)
    .put(signature)
    .done();
}
