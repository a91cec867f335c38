/**
 * The pieces every TBSCertificate the fast paths write shares (RFC 5280 §4.1), sized first and
 * written into the caller's DerBuffer: the head (version 3, serialNumber, signature
 * AlgorithmIdentifier), the [3] extensions wrapper, and the SubjectKeyIdentifier extension. The
 * root writer (ca-tbs.ts) and the leaf writer (leaf-tbs.ts) both use them; each writer's proof
 * holds its whole TBS to the general path's, byte for byte.
 */
import { DerBuffer, integerContent, TAG, tlvSize } from './der-writer.ts';

/** [0] EXPLICIT Version v3 (RFC 5280 §4.1.2.1). */
const VERSION_3 = new Uint8Array([0xa0, 0x03, 0x02, 0x01, 0x02]);
/** [3] EXPLICIT Extensions (RFC 5280 §4.1). */
const EXTENSIONS_TAG = 0xa3;
const OID_SKI = new Uint8Array([TAG.OID, 0x03, 0x55, 0x1d, 0x0e]);
const ZERO = new Uint8Array([0]);

/** A serial number's INTEGER content (a pad octet when the high bit is set) and the head's size with it. */
export interface TbsHead {
  serial: { pad: 0 | 1; body: Uint8Array };
  serialLength: number;
  /** Octets of version, serialNumber and signature together. */
  size: number;
}

/** The head of a TBS with this serial (big-endian magnitude) and signature AlgorithmIdentifier DER. */
export function tbsHead(serialMagnitude: Uint8Array, sigAlg: Uint8Array): TbsHead {
  const serial = integerContent(serialMagnitude);
  const serialLength = serial.pad + serial.body.length;
  return { serial, serialLength, size: VERSION_3.length + tlvSize(serialLength) + sigAlg.length };
}

/** The TBSCertificate SEQUENCE header of `content` octets, then the head. */
export function putTbsStart(out: DerBuffer, content: number, head: TbsHead, sigAlg: Uint8Array): DerBuffer {
  out.header(TAG.SEQUENCE, content).put(VERSION_3).header(TAG.INTEGER, head.serialLength);
  if (head.serial.pad) out.put(ZERO);
  return out.put(head.serial.body).put(sigAlg);
}

/** Octets of the [3] wrapper around extensions of `extensions` octets. */
export const extensionsSize = (extensions: number): number => tlvSize(tlvSize(extensions));

/** The [3] wrapper and the Extensions SEQUENCE header; the extensions follow. */
export function putExtensionsStart(out: DerBuffer, extensions: number): DerBuffer {
  return out.header(EXTENSIONS_TAG, tlvSize(extensions)).header(TAG.SEQUENCE, extensions);
}

/** Octets of Extension { subjectKeyIdentifier, OCTET STRING { KeyIdentifier } } for a key id of this length (RFC 5280 §4.2.1.2). */
export const skiExtensionSize = (keyIdLength: number): number =>
  tlvSize(OID_SKI.length + tlvSize(tlvSize(keyIdLength)));

/** The SubjectKeyIdentifier extension, not critical (the field left out, as the general path writes it). */
export function putSkiExtension(out: DerBuffer, keyId: Uint8Array): DerBuffer {
  const value = tlvSize(keyId.length);
  out.header(TAG.SEQUENCE, OID_SKI.length + tlvSize(value)).put(OID_SKI);
  return out.header(TAG.OCTET_STRING, value).header(TAG.OCTET_STRING, keyId.length).put(keyId);
}
