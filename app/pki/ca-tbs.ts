/**
 * A self-signed root CA's TBSCertificate (RFC 5280 §4.1) for the fast path (ca-template.ts),
 * written into one buffer: the pieces a proof established for the key algorithm and path length
 * (the signature AlgorithmIdentifier, caExtensions' own DER for BasicConstraints and KeyUsage)
 * around the root's own values (serial, Name as issuer and subject, validity, SPKI, SKI).
 * ca-template-proof.ts proves the result equal to the general path's TBS byte for byte before
 * any root uses it.
 */
import { DerBuffer, integerContent, TAG, tlvSize, x509Time } from './der-writer.ts';

/** What a proof established for one root shape: pieces in the general path's order, 'ski' where the key id goes. */
export interface RootTbsPieces {
  sigAlg: Uint8Array;
  extensions: readonly (Uint8Array | 'ski')[];
}

/** The values of one root. */
export interface RootTbsInput {
  /** Big-endian magnitude (serial.ts: 16 bytes, positive). */
  serial: Uint8Array;
  /** The subject Name DER, which is also the issuer's: the root signs itself. */
  name: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  /** The Subject Key Identifier's key id (20 bytes of SHA-1, leaf-tbs.ts spkiKeyId). */
  ski: Uint8Array;
}

/** A writer of root TBSCertificates from proven pieces. */
export type RootTbsWriter = (pieces: RootTbsPieces, input: RootTbsInput) => Uint8Array<ArrayBuffer>;

const VERSION_3 = new Uint8Array([0xa0, 0x03, 0x02, 0x01, 0x02]);
const EXTENSIONS_TAG = 0xa3;
const OID_SKI = new Uint8Array([TAG.OID, 0x03, 0x55, 0x1d, 0x0e]);
const ZERO = new Uint8Array([0]);

/** The root's TBSCertificate: version 3, serial, signature, issuer, validity, subject, SPKI, [3] extensions. */
export const rootTbs: RootTbsWriter = (pieces, input) => {
  const serial = integerContent(input.serial);
  const serialLength = serial.pad + serial.body.length;
  const start = x509Time(input.notBefore);
  const end = x509Time(input.notAfter);
  const validity = start.length + end.length;
  const skiValue = tlvSize(input.ski.length);
  const skiExtension = OID_SKI.length + tlvSize(skiValue);
  let extensions = 0;
  for (const e of pieces.extensions) extensions += e === 'ski' ? tlvSize(skiExtension) : e.length;
  const content =
    VERSION_3.length +
    tlvSize(serialLength) +
    pieces.sigAlg.length +
    2 * input.name.length +
    tlvSize(validity) +
    input.spki.length +
    tlvSize(tlvSize(extensions));

  const out = new DerBuffer(tlvSize(content)).header(TAG.SEQUENCE, content).put(VERSION_3);
  out.header(TAG.INTEGER, serialLength);
  if (serial.pad) out.put(ZERO);
  out.put(serial.body).put(pieces.sigAlg).put(input.name);
  out.header(TAG.SEQUENCE, validity).put(start).put(end);
  out.put(input.name).put(input.spki);
  out.header(EXTENSIONS_TAG, tlvSize(extensions)).header(TAG.SEQUENCE, extensions);
  for (const e of pieces.extensions) {
    if (e !== 'ski') out.put(e);
    else {
      out.header(TAG.SEQUENCE, skiExtension).put(OID_SKI);
      out.header(TAG.OCTET_STRING, skiValue).header(TAG.OCTET_STRING, input.ski.length).put(input.ski);
    }
  }
  return out.done();
};
