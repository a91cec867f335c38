/**
 * Sniff what a DER blob is from its shape, never from a file name or PEM label. Each shape is
 * a short structural test on the top two levels of the TLV tree (cheap, and safe on junk).
 */
import {
  childrenOf,
  isContext,
  isUniversal,
  oidOf,
  readTlv,
  readWhole,
  smallIntOf,
  TAG,
  type Tlv,
} from '../asn1/tlv.ts';

export type DerShape =
  | 'certificate'
  | 'csr'
  | 'crl'
  | 'pkcs8'
  | 'encrypted-pkcs8'
  | 'pkcs1-private'
  | 'pkcs1-public'
  | 'sec1'
  | 'spki'
  | 'pkcs7'
  | 'pkcs12'
  | 'ec-parameters'
  | 'unknown';

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

const UTC_TIME = 23;
const GENERALIZED_TIME = 24;

function isTime(t: Tlv | undefined): boolean {
  return isUniversal(t, UTC_TIME) || isUniversal(t, GENERALIZED_TIME);
}

function isSeq(t: Tlv | undefined): t is Tlv {
  return isUniversal(t, TAG.SEQUENCE) && t.constructed;
}

/** Certificate, CSR or CRL, told apart by the TBS part of the signed envelope. */
function signedShape(buf: Uint8Array, tbs: Tlv): DerShape {
  const t = childrenOf(buf, tbs);
  // Certificate v2/v3: explicit [0] version first.
  if (isContext(t[0], 0) && t[0].constructed) return 'certificate';
  const v = smallIntOf(buf, t[0]);
  // CSR: version 0, subject, SubjectPublicKeyInfo, [0] attributes (3 or 4 fields).
  if (v === 0 && t.length <= 4 && isSeq(t[1]) && isSeq(t[2]) && (t.length === 3 || isContext(t[3], 0))) return 'csr';
  // CRL: optional version, signature algorithm, issuer, thisUpdate.
  const i = isUniversal(t[0], TAG.INTEGER) ? 1 : 0;
  if (isSeq(t[i]) && isSeq(t[i + 1]) && isTime(t[i + 2])) return 'crl';
  // Certificate v1: serial, signature, issuer, validity, subject, SubjectPublicKeyInfo.
  if (isUniversal(t[0], TAG.INTEGER) && isSeq(t[1]) && isSeq(t[2]) && isSeq(t[3])) return 'certificate';
  return 'unknown';
}

function sequenceShape(buf: Uint8Array, root: Tlv): DerShape {
  const c = childrenOf(buf, root);
  const [a, b, d] = c;
  if (c.length === 3 && isSeq(a) && isSeq(b) && isUniversal(d, TAG.BIT_STRING)) return signedShape(buf, a);
  if (c.length === 2 && isSeq(a) && isUniversal(b, TAG.BIT_STRING)) return 'spki';
  if (c.length === 2 && isSeq(a) && isUniversal(b, TAG.OCTET_STRING)) return 'encrypted-pkcs8';
  if (isUniversal(a, TAG.OID) && oidOf(buf, a) === OID_SIGNED_DATA && isContext(b, 0)) return 'pkcs7';
  const version = smallIntOf(buf, a);
  if ((version === 0 || version === 1) && c.length >= 3 && isSeq(b) && isUniversal(d, TAG.OCTET_STRING)) return 'pkcs8';
  if (version === 0 && c.length >= 9 && c.every((x) => isUniversal(x, TAG.INTEGER))) return 'pkcs1-private';
  if (version === 1 && isUniversal(b, TAG.OCTET_STRING)) return 'sec1';
  if (version === 3 && isSeq(b)) return 'pkcs12';
  if (c.length === 2 && isUniversal(a, TAG.INTEGER) && isUniversal(b, TAG.INTEGER)) return 'pkcs1-public';
  return 'unknown';
}

/**
 * The shape of `buf` and its root TLV. With `allowTrailing` only the first TLV counts (OpenSSL's
 * "TRUSTED CERTIFICATE" appends its trust settings after the certificate). Throws TlvError on
 * bytes that are not well-formed ASN.1.
 */
export function sniffDer(buf: Uint8Array, allowTrailing = false): { shape: DerShape; root: Tlv } {
  const root = allowTrailing ? readTlv(buf, 0) : readWhole(buf);
  if (isUniversal(root, TAG.OID)) return { shape: 'ec-parameters', root };
  if (!isSeq(root)) return { shape: 'unknown', root };
  return { shape: sequenceShape(buf, root), root };
}
