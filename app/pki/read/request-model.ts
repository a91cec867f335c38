/**
 * A CSR (PKCS#10, RFC 2986) located by the TLV reader, like certificate-model.ts: subject,
 * public key, the requested extensions (PKCS#9 extensionRequest) and any other attributes.
 */
import { algorithmOf, extensionsOf, type AlgorithmRef, type RawExtension } from '../model/certificate.ts';
import { childrenOf, isContext, isUniversal, oidOf, readWhole, smallIntOf, TAG, TlvError } from '../asn1/tlv.ts';
import { cachedModel } from '../model/cache.ts';

export const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

export interface RequestModel {
  version: number;
  subject: Uint8Array;
  spki: Uint8Array;
  /** Extensions asked for in the extensionRequest attribute. */
  extensions: RawExtension[];
  /** Other attributes, by OID, with the DER of their values SET. */
  attributes: { oid: string; values: Uint8Array }[];
  signatureAlgorithm: AlgorithmRef;
}

function build(buf: Uint8Array): RequestModel {
  const root = readWhole(buf);
  const [info, sigAlg, sig] = childrenOf(buf, root);
  if (!info || !isUniversal(sig, TAG.BIT_STRING)) throw new TlvError('not a signed request');
  const [version, subject, spki, attrs] = childrenOf(buf, info);
  if (!isUniversal(subject, TAG.SEQUENCE) || !isUniversal(spki, TAG.SEQUENCE))
    throw new TlvError('the request fields are not where RFC 2986 puts them');
  const model: RequestModel = {
    version: (smallIntOf(buf, version) ?? 0) + 1,
    subject: buf.subarray(subject.start, subject.end),
    spki: buf.subarray(spki.start, spki.end),
    extensions: [],
    attributes: [],
    signatureAlgorithm: algorithmOf(buf, sigAlg),
  };
  if (isContext(attrs, 0)) {
    for (const attr of childrenOf(buf, attrs)) {
      const [type, values] = childrenOf(buf, attr);
      if (!type || !values) throw new TlvError('attribute without type or values');
      const oid = oidOf(buf, type);
      const first = childrenOf(buf, values)[0];
      if (oid === OID_EXTENSION_REQUEST && first) model.extensions.push(...extensionsOf(buf, first));
      else model.attributes.push({ oid, values: buf.subarray(values.start, values.end) });
    }
  }
  return model;
}

/** The model of a CSR's DER, built once per buffer. Throws 'invalid-csr' naming what is wrong. */
export const requestModel: (der: ArrayBuffer) => RequestModel = cachedModel(
  build,
  'invalid-csr',
  'certificate request',
);
