/**
 * The one certificate model, first layer: a certificate's fields located in its DER by the TLV
 * reader (../asn1/tlv.ts): nothing re-encoded, nothing lost, and about ten times cheaper than a
 * full schema parse. Names and extension values stay as raw bytes; the inspector decodes each on
 * its own, so one bad extension spoils only itself, and cert-facts.ts decodes the facts the
 * validator and linter need from these same fields. Memoised per DER buffer.
 */
import { booleanOf, timeOf, type TimeValue } from '../asn1/values.ts';
import {
  childrenOf,
  isContext,
  isUniversal,
  oidOf,
  readWhole,
  smallIntOf,
  TAG,
  TlvError,
  type Tlv,
} from '../asn1/tlv.ts';
import { cachedModel } from './cache.ts';

export interface AlgorithmRef {
  oid: string;
  /** The parameters TLV (whole), when present. */
  params?: Uint8Array;
}

export interface RawExtension {
  oid: string;
  critical: boolean;
  /** Contents of extnValue (the DER of the extension's own structure). */
  value: Uint8Array;
}

export interface CertificateModel {
  der: Uint8Array;
  /** 1, 2 or 3 (as shown), from the encoded 0, 1 or 2. */
  version: number;
  /** Content octets of the serial INTEGER as encoded. */
  serial: Uint8Array;
  tbsSignature: AlgorithmRef;
  signatureAlgorithm: AlgorithmRef;
  /** DER of the issuer and subject Names; one view (the same object) when their bytes are equal. */
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: TimeValue;
  notAfter: TimeValue;
  /** DER of the SubjectPublicKeyInfo. */
  spki: Uint8Array;
  extensions: RawExtension[];
  /** The TBS DER, signed by the issuer. */
  tbs: Uint8Array;
  signature: Uint8Array;
}

export function algorithmOf(buf: Uint8Array, tlv: Tlv | undefined): AlgorithmRef {
  if (!isUniversal(tlv, TAG.SEQUENCE)) throw new TlvError('expected an AlgorithmIdentifier');
  const [oid, params] = childrenOf(buf, tlv);
  if (!oid) throw new TlvError('AlgorithmIdentifier without an OID');
  return params ? { oid: oidOf(buf, oid), params: buf.subarray(params.start, params.end) } : { oid: oidOf(buf, oid) };
}

/** Extensions ::= SEQUENCE OF Extension, from the TLV of the SEQUENCE. */
export function extensionsOf(buf: Uint8Array, seq: Tlv): RawExtension[] {
  return childrenOf(buf, seq).map((ext) => {
    const parts = childrenOf(buf, ext);
    const [oid, second, third] = parts;
    if (!oid) throw new TlvError('extension without an OID');
    const critical = isUniversal(second, TAG.BOOLEAN) ? booleanOf(buf, second) : false;
    const value = isUniversal(second, TAG.BOOLEAN) ? third : second;
    if (!isUniversal(value, TAG.OCTET_STRING) || value.constructed)
      throw new TlvError('extension value is not an OCTET STRING');
    return { oid: oidOf(buf, oid), critical, value: buf.subarray(value.contentStart, value.contentEnd) };
  });
}

function slice(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.end);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function build(buf: Uint8Array): CertificateModel {
  const root = readWhole(buf);
  const [tbsTlv, sigAlg, sigValue] = childrenOf(buf, root);
  if (!tbsTlv || !sigAlg || !isUniversal(sigValue, TAG.BIT_STRING)) throw new TlvError('not a signed certificate');
  let fields = childrenOf(buf, tbsTlv);
  let version = 1;
  if (isContext(fields[0], 0)) {
    const v = smallIntOf(buf, childrenOf(buf, fields[0])[0]);
    if (v === undefined) throw new TlvError('bad version');
    version = v + 1;
    fields = fields.slice(1);
  }
  const [serial, tbsSig, issuer, validity, subject, spki, ...rest] = fields;
  if (
    !isUniversal(serial, TAG.INTEGER) ||
    !isUniversal(issuer, TAG.SEQUENCE) ||
    !isUniversal(subject, TAG.SEQUENCE) ||
    !isUniversal(spki, TAG.SEQUENCE) ||
    !isUniversal(validity, TAG.SEQUENCE)
  ) {
    throw new TlvError('the TBSCertificate fields are not where RFC 5280 puts them');
  }
  const [nb, na] = childrenOf(buf, validity);
  const extWrapper = rest.find((t) => isContext(t, 3));
  const extSeq = extWrapper ? childrenOf(buf, extWrapper)[0] : undefined;
  const subjectName = slice(buf, subject);
  const issuerName = slice(buf, issuer);
  return {
    der: buf,
    version,
    serial: buf.subarray(serial.contentStart, serial.contentEnd),
    tbsSignature: algorithmOf(buf, tbsSig),
    signatureAlgorithm: algorithmOf(buf, sigAlg),
    // A self-issued certificate's issuer is the subject's view (same bytes): what is read from a
    // name and kept per view (its text, its parsed form) is then read once, not twice (a CA bundle
    // is all self-issued roots).
    issuer: sameBytes(issuerName, subjectName) ? subjectName : issuerName,
    subject: subjectName,
    notBefore: timeOf(buf, nb),
    notAfter: timeOf(buf, na),
    spki: slice(buf, spki),
    extensions: extSeq ? extensionsOf(buf, extSeq) : [],
    tbs: slice(buf, tbsTlv),
    signature: buf.subarray(sigValue.contentStart + 1, sigValue.contentEnd),
  };
}

/** The model of a certificate's DER, built once per buffer. Throws 'invalid-der' naming what is wrong. */
export const certificateModel: (der: ArrayBuffer) => CertificateModel = cachedModel(
  build,
  'invalid-der',
  'certificate',
);
