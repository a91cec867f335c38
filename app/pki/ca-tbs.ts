/**
 * A self-signed root CA's TBSCertificate (RFC 5280 §4.1) for the fast path (ca-template.ts),
 * written into one buffer: the pieces a proof established for the key algorithm and path length
 * (the signature AlgorithmIdentifier, caExtensions' own DER for BasicConstraints and KeyUsage)
 * around the root's own values (serial, Name as issuer and subject, validity, SPKI, SKI).
 * ca-template-proof.ts proves the result equal to the general path's TBS byte for byte before
 * any root uses it.
 */
import { DerBuffer, TAG, tlvSize, x509Time } from './der-writer.ts';
import {
  extensionsSize,
  putExtensionsStart,
  putSkiExtension,
  putTbsStart,
  skiExtensionSize,
  tbsHead,
} from './tbs-parts.ts';

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

/** The root's TBSCertificate: version 3, serial, signature, issuer, validity, subject, SPKI, [3] extensions. */
export const rootTbs: RootTbsWriter = (pieces, input) => {
  const head = tbsHead(input.serial, pieces.sigAlg);
  const start = x509Time(input.notBefore);
  const end = x509Time(input.notAfter);
  const validity = start.length + end.length;
  let extensions = 0;
  for (const e of pieces.extensions) extensions += e === 'ski' ? skiExtensionSize(input.ski.length) : e.length;
  const content =
    head.size + 2 * input.name.length + tlvSize(validity) + input.spki.length + extensionsSize(extensions);

  const out = putTbsStart(new DerBuffer(tlvSize(content)), content, head, pieces.sigAlg).put(input.name);
  out.header(TAG.SEQUENCE, validity).put(start).put(end);
  putExtensionsStart(out.put(input.name).put(input.spki), extensions);
  for (const e of pieces.extensions) {
    if (e === 'ski') putSkiExtension(out, input.ski);
    else out.put(e);
  }
  return out.done();
};
