/**
 * A leaf's TBSCertificate (RFC 5280 §4.1) for the batch fast path, written into one buffer: the
 * constant pieces a template cut from its probe certificate (leaf-template.ts) around the
 * leaf's own values (serial, validity, CN, SPKI, SANs, SKI). Sizes are computed first and the
 * bytes written in one pass (der-writer.ts DerBuffer), so a certificate costs one allocation for
 * its TBS instead of one per TLV and nesting level. The template proves the result equal to the
 * general path's TBS byte for byte before any batch uses it.
 */
import { childrenOf, readTlv } from './asn1/tlv.ts';
import { PkiError } from './errors.ts';
import { DerBuffer, TAG, tlvSize, x509Time } from './der-writer.ts';
import { ownBytes, type ByteAllocator } from './der-arena.ts';
import { parseIp } from './ip.ts';
import { dottedQuadOctets } from './dotted-quad.ts';
import { isPrintableString } from './printable-string.ts';
import type { SanEntry } from './san.ts';
import { sha1 } from './sha1.ts';
import {
  extensionsSize,
  putExtensionsStart,
  putSkiExtension,
  putTbsStart,
  skiExtensionSize,
  tbsHead,
} from './tbs-parts.ts';

/** The variable inputs of one leaf. */
export interface TemplateLeafInput {
  serial: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  commonName: string;
  sans: readonly SanEntry[];
  spki: Uint8Array;
}

/** The constant pieces of a leaf's TBS, DER, cut from a probe certificate. */
export interface TbsPieces {
  sigAlg: Uint8Array;
  issuer: Uint8Array;
  /** Extensions in order; 'san' and 'ski' mark where the variable ones go. */
  extensions: readonly (Uint8Array | 'san' | 'ski')[];
}

export const OID_CN = new Uint8Array([0x06, 0x03, 0x55, 0x04, 0x03]);
export const OID_SAN = new Uint8Array([0x06, 0x03, 0x55, 0x1d, 0x11]);
const utf8 = new TextEncoder();
/** RFC 5280 §4.2.1.2 method 1, from SPKI DER: SHA-1 of the subjectPublicKey bits (synchronous: see sha1.ts). */
export function spkiKeyId(spki: Uint8Array): Uint8Array<ArrayBuffer> {
  const [, bits] = childrenOf(spki, readTlv(spki, 0));
  if (!bits) throw new PkiError('invalid-key', 'key', 'SubjectPublicKeyInfo without a key.');
  return sha1(spki.subarray(bits.contentStart + 1, bits.end));
}

/** GeneralName context tags (RFC 5280 §4.2.1.6), primitive. */
const GN_TAG: Record<SanEntry['kind'], number> = { email: 0x81, dns: 0x82, uri: 0x86, ip: 0x87 };

/** One GeneralName's tag and content: an IP's 4 or 16 bytes, or the text of the others (IA5String: ASCII). */
function generalName(s: SanEntry): { tag: number; bytes?: Uint8Array; text?: string; length: number } {
  if (s.kind !== 'ip') return { tag: GN_TAG[s.kind], text: s.value, length: s.value.length };
  const v4 = dottedQuadOctets(s.value);
  if (v4) return { tag: GN_TAG.ip, bytes: v4, length: 4 };
  const ip = parseIp(s.value);
  if (!ip) throw new PkiError('invalid-san', 'sans', `"${s.value}" is not an IPv4 or IPv6 address`);
  return { tag: GN_TAG.ip, bytes: ip.bytes, length: ip.bytes.length };
}

/** The CN's string type as names.ts picks it (PrintableString when it can be) and its bytes. */
function commonNameValue(cn: string): { tag: number; bytes?: Uint8Array; text?: string; length: number } {
  if (isPrintableString(cn)) return { tag: TAG.PRINTABLE_STRING, text: cn, length: cn.length };
  const bytes = utf8.encode(cn);
  return { tag: TAG.UTF8_STRING, bytes, length: bytes.length };
}

type Value = ReturnType<typeof generalName>;

function putValue(out: DerBuffer, v: Value): void {
  out.header(v.tag, v.length);
  if (v.bytes) out.put(v.bytes);
  else out.ascii(v.text ?? '');
}

/**
 * A writer of leaf TBSCertificates from `pieces`. It keeps the last validity it encoded: a batch
 * gives every leaf the same window, so the two times are encoded once per batch. Each TBS's bytes
 * come from `allocate`: the batch passes a shared slab (der-arena.ts), whose views are signed and
 * copied into their certificate, never kept; the default is a buffer of its own.
 */
export function leafTbsWriter(
  pieces: TbsPieces,
  allocate: ByteAllocator = ownBytes,
): (input: TemplateLeafInput, ski: Uint8Array) => Uint8Array<ArrayBuffer> {
  let validityFrom = NaN;
  let validityTo = NaN;
  let validity = new Uint8Array(0);
  const validityOf = (notBefore: Date, notAfter: Date) => {
    const from = notBefore.getTime();
    const to = notAfter.getTime();
    if (from !== validityFrom || to !== validityTo) {
      const start = x509Time(notBefore);
      const end = x509Time(notAfter);
      validity = new DerBuffer(tlvSize(start.length + end.length))
        .header(TAG.SEQUENCE, start.length + end.length)
        .put(start)
        .put(end)
        .done();
      validityFrom = from;
      validityTo = to;
    }
    return validity;
  };
  let constantExtensions = 0;
  for (const e of pieces.extensions) if (typeof e !== 'string') constantExtensions += e.length;
  const hasSan = pieces.extensions.includes('san');
  const hasSki = pieces.extensions.includes('ski');

  return (input, ski) => {
    const head = tbsHead(input.serial, pieces.sigAlg);
    const times = validityOf(input.notBefore, input.notAfter);
    const cn = commonNameValue(input.commonName);
    const attribute = OID_CN.length + tlvSize(cn.length);
    const subject = tlvSize(tlvSize(tlvSize(attribute)));
    const names = input.sans.map(generalName);
    let namesLength = 0;
    for (const n of names) namesLength += tlvSize(n.length);
    const sanValue = tlvSize(namesLength);
    const san = hasSan && names.length ? tlvSize(OID_SAN.length + tlvSize(sanValue)) : 0;
    const skiExt = hasSki ? skiExtensionSize(ski.length) : 0;
    const extensions = constantExtensions + san + skiExt;
    const content =
      head.size + pieces.issuer.length + times.length + subject + input.spki.length + extensionsSize(extensions);

    const out = putTbsStart(new DerBuffer(tlvSize(content), allocate), content, head, pieces.sigAlg);
    out.put(pieces.issuer).put(times);
    out.header(TAG.SEQUENCE, tlvSize(tlvSize(attribute))).header(TAG.SET, tlvSize(attribute));
    out.header(TAG.SEQUENCE, attribute).put(OID_CN);
    putValue(out, cn);
    putExtensionsStart(out.put(input.spki), extensions);
    for (const e of pieces.extensions) {
      if (e === 'san') {
        if (!names.length) continue;
        out.header(TAG.SEQUENCE, OID_SAN.length + tlvSize(sanValue)).put(OID_SAN);
        out.header(TAG.OCTET_STRING, sanValue).header(TAG.SEQUENCE, namesLength);
        for (const n of names) putValue(out, n);
      } else if (e === 'ski') putSkiExtension(out, ski);
      else out.put(e);
    }
    return out.done();
  };
}
