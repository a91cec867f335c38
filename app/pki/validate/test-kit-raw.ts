/**
 * Test-only knobs beyond test-kit.ts, for certificates that break RFC 5280 on purpose: any
 * extension with any criticality and raw value, serials as exact INTEGER bytes, v1
 * certificates, name constraints with a chosen criticality. Imported by tests only.
 */
import * as x509 from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AuthorityInfoAccessSyntax,
  AccessDescription,
  GeneralName,
  Name as AsnName,
  GeneralSubtree,
  GeneralSubtrees,
  NameConstraints,
  id_ad_caIssuers,
  id_ce_nameConstraints,
  id_pe_authorityInfoAccess,
  Time,
  Version,
} from '@peculiar/asn1-x509';
import { resign } from './test-kit.ts';

/** An extension as given: OID, criticality and the DER of its value. */
export function rawExtension(oid: string, critical: boolean, valueDer: Uint8Array<ArrayBuffer>): x509.Extension {
  return new x509.Extension(oid, critical, valueDer);
}

/** DER NULL: the value of an extension nobody understands. */
export const DER_NULL: Uint8Array<ArrayBuffer> = new Uint8Array([0x05, 0x00]);
/** DER of an empty SEQUENCE: an AKI without keyIdentifier, a SAN without names, empty name constraints. */
export const DER_EMPTY_SEQUENCE: Uint8Array<ArrayBuffer> = new Uint8Array([0x30, 0x00]);

/** Name constraints (RFC 5280 §4.2.1.10) with the criticality the test asks for; empty lists are left out. */
export function nameConstraintsExtension(
  permitted: Partial<GeneralName>[],
  excluded: Partial<GeneralName>[],
  critical: boolean,
): x509.Extension {
  const tree = (list: Partial<GeneralName>[]) =>
    list.length ? new GeneralSubtrees(list.map((n) => new GeneralSubtree({ base: new GeneralName(n) }))) : undefined;
  const nc = new NameConstraints({ permittedSubtrees: tree(permitted), excludedSubtrees: tree(excluded) });
  return new x509.Extension(id_ce_nameConstraints, critical, AsnConvert.serialize(nc));
}

/** Authority information access with one caIssuers URI (RFC 5280 §4.2.2.1: MUST be non-critical). */
export function authorityInfoAccess(uri: string, critical: boolean): x509.Extension {
  const aia = new AuthorityInfoAccessSyntax([
    new AccessDescription({
      accessMethod: id_ad_caIssuers,
      accessLocation: new GeneralName({ uniformResourceIdentifier: uri }),
    }),
  ]);
  return new x509.Extension(id_pe_authorityInfoAccess, critical, AsnConvert.serialize(aia));
}

/** Re-sign `cert` with `signer` carrying exactly these serial INTEGER content bytes (two's complement, as DER stores them). */
export function withSerialBytes(
  cert: x509.X509Certificate,
  signer: CryptoKey,
  bytes: number[],
): Promise<x509.X509Certificate> {
  return resign(cert, signer, (asn) => {
    asn.tbsCertificate.serialNumber = new Uint8Array(bytes).buffer;
  });
}

/** Re-sign `cert` as a version 1 certificate: no version field, no extensions (RFC 5280 §4.1.2.1). */
export function asVersion1(cert: x509.X509Certificate, signer: CryptoKey): Promise<x509.X509Certificate> {
  return resign(cert, signer, (asn) => {
    asn.tbsCertificate.version = Version.v1;
    asn.tbsCertificate.extensions = undefined;
  });
}

/** Re-sign `cert` with notBefore written as GeneralizedTime, which RFC 5280 §4.1.2.5 reserves for 2050 and later. */
export function withGeneralizedNotBefore(cert: x509.X509Certificate, signer: CryptoKey): Promise<x509.X509Certificate> {
  return resign(cert, signer, (asn) => {
    const t = new Time();
    t.generalTime = cert.notBefore;
    asn.tbsCertificate.validity.notBefore = t;
  });
}

/** ecdsa-with-SHA1 (RFC 3279 §2.2.3). */
const ECDSA_WITH_SHA1 = '1.2.840.10045.4.1';

/** Re-sign `cert` with ECDSA over SHA-1; `signer` must be an ECDSA key. */
export function withEcdsaSha1Signature(cert: x509.X509Certificate, signer: CryptoKey): Promise<x509.X509Certificate> {
  return resign(
    cert,
    signer,
    (asn) => {
      asn.tbsCertificate.signature = new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA1 });
      asn.signatureAlgorithm = new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA1 });
    },
    { name: 'ECDSA', hash: 'SHA-1' },
  );
}

/** A distinguished name as the ASN.1 a directoryName general name holds ("O=certbench"). */
export function directoryName(dn: string): AsnName {
  return AsnConvert.parse(new x509.Name(dn).toArrayBuffer(), AsnName);
}

/** Re-sign `cert` with a tbsCertificate.signature naming `oid` while the outer signatureAlgorithm (and the signature) stay as they were (RFC 5280 §4.1.1.2: the two MUST match). */
export function withInnerSignatureAlgorithm(
  cert: x509.X509Certificate,
  signer: CryptoKey,
  oid: string,
): Promise<x509.X509Certificate> {
  return resign(cert, signer, (asn) => {
    asn.tbsCertificate.signature = new AlgorithmIdentifier({ algorithm: oid });
  });
}
