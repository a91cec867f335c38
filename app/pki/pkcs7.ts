/**
 * PKCS#7 / CMS "certificates-only" bundles (RFC 5652 §5, the degenerate SignedData of RFC 8551
 * §3.8): a SignedData with no signers that carries certificates, what `openssl crl2pkcs7
 * -nocrl` writes, Windows calls .p7b and Java's keytool -importcert accepts. PEM label PKCS7, the
 * one `openssl pkcs7` reads.
 *
 * Built with asn1js around the certificates' own DER so not one signed byte is re-encoded.
 */
import * as asn1js from 'asn1js';
import { id_data, id_signedData } from '@peculiar/asn1-cms';
import { PkiError } from './errors.ts';
import { pemEncode } from './pem.ts';
import { certificatesFrom, type PemOrDer } from './pkcs12/inputs.ts';

/** The label `openssl pkcs7` reads and `openssl crl2pkcs7` writes (RFC 7468 §10; §9 labels the same structure "CMS"). */
export const PKCS7_PEM_LABEL = 'PKCS7';

function certificateNode(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) throw new PkiError('invalid-der', 'certificates', 'A certificate is not valid DER.');
  return parsed.result;
}

/** The ContentInfo DER of a certificates-only SignedData holding `certificatesDer`, in order. */
export function pkcs7CertificatesOnlyDer(certificatesDer: readonly Uint8Array[]): Uint8Array {
  if (certificatesDer.length === 0)
    throw new PkiError('not-found', 'certificates', 'A PKCS#7 bundle needs at least one certificate.');
  const signedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }), // version 1: only X.509 certificates, eContentType id-data
      new asn1js.Set({ value: [] }), // digestAlgorithms: none, nothing is signed
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: id_data })] }), // encapContentInfo without content
      // certificates [0] IMPLICIT CertificateSet
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: certificatesDer.map(certificateNode) }),
      new asn1js.Set({ value: [] }), // signerInfos: none
    ],
  });
  const contentInfo = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: id_signedData }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] }), // content [0] EXPLICIT
    ],
  });
  return new Uint8Array(contentInfo.toBER(false));
}

/** A certificates-only PKCS#7 bundle (DER) of every certificate in `certificates` (PEM texts with one or more certificates, or DER), in order. */
export function pkcs7Der(certificates: PemOrDer | readonly PemOrDer[]): Uint8Array {
  return pkcs7CertificatesOnlyDer(certificatesFrom(certificates, 'certificates').map((c) => c.der));
}

/** The same bundle as PEM under the PKCS7 label. */
export function pkcs7Pem(certificates: PemOrDer | readonly PemOrDer[]): string {
  return pemEncode(PKCS7_PEM_LABEL, pkcs7Der(certificates));
}
