/**
 * The decoded layer of the one certificate model: the plain facts that validation, lint,
 * relations and diagnosis need (names parsed for RFC 5280 §7.1 comparison, key kind and size,
 * the extensions they act on), decoded from the fields that certificate.ts located with the TLV
 * reader. Nothing is parsed twice: the located model is cached per DER buffer and the facts are
 * cached beside it, so the inspector, the linter and the validator share one read of a
 * certificate. Nothing is re-encoded either (validity encodings, serial octets, IP masks and raw
 * names stay as they were).
 */
import type { X509Certificate } from '@peculiar/x509';
import { toHex } from '../asn1/values.ts';
import { OID } from './oids.ts';
import { parseName, namesEqual, type ParsedName } from './names.ts';
import { decodeGeneralName, decodeGeneralNames, type GeneralNameValue } from './general-names.ts';
import { keyInfoOf, type KeyInfo } from './key-info.ts';
import { certificateModel, type CertificateModel, type RawExtension } from './certificate.ts';
import {
  bitStringBytes,
  booleanOf,
  children,
  isContext,
  isUniversal,
  oidOf,
  parseDer,
  smallInt,
  TAG,
  TlvError,
  type DerNode,
} from '../asn1/der-node.ts';

/** Key usage bit names in bit order (RFC 5280 §4.2.1.3). */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_BITS)[number];

export interface TimeFacts {
  date: Date;
  encoding: 'utc' | 'generalized';
}
export type ExtensionFacts = RawExtension;

/** The facts of one certificate; `model` is the located DER they were decoded from. */
export interface CertFacts {
  model: CertificateModel;
  version: number;
  /** Content octets of the serial INTEGER (two's complement, as encoded). */
  serial: Uint8Array;
  signatureOid: string;
  /** DER of the signature AlgorithmIdentifier's parameters, when present (RSA-PSS needs them). */
  signatureParams?: Uint8Array;
  /** The signed part (TBSCertificate DER) and the signature value, for verification. */
  tbs: Uint8Array;
  signature: Uint8Array;
  tbsSignatureOid: string;
  issuer: ParsedName;
  subject: ParsedName;
  /** Subject and issuer names compare equal (RFC 5280 "self-issued"). */
  selfIssued: boolean;
  notBefore: TimeFacts;
  notAfter: TimeFacts;
  spki: Uint8Array;
  key: KeyInfo;
  extensions: ExtensionFacts[];
  basicConstraints?: { ca: boolean; pathLen?: number; critical: boolean };
  keyUsage?: { usages: Set<KeyUsageName>; critical: boolean };
  extKeyUsage?: string[];
  subjectKeyId?: string;
  /** keyIdentifier of the AKI in hex; '' when the AKI has none. */
  authorityKeyId?: string;
  subjectAltNames?: GeneralNameValue[];
  sanCritical: boolean;
  nameConstraints?: { permitted: GeneralNameValue[]; excluded: GeneralNameValue[]; critical: boolean };
  /** OIDs of known extensions whose value did not decode. */
  undecodable: string[];
}

function subtrees(el: DerNode | undefined): GeneralNameValue[] {
  return children(el).map((st) => {
    const base = children(st)[0];
    if (!base) throw new Error('empty GeneralSubtree');
    return decodeGeneralName(base);
  });
}

function decodeExtension(f: CertFacts, ext: ExtensionFacts): void {
  const v = ext.value;
  switch (ext.oid) {
    case OID.basicConstraints: {
      let ca = false;
      let pathLen: number | undefined;
      for (const el of children(parseDer(v))) {
        if (isUniversal(el, TAG.BOOLEAN)) ca = booleanOf(el);
        else if (isUniversal(el, TAG.INTEGER)) pathLen = smallInt(el);
      }
      if (pathLen !== undefined && pathLen < 0) throw new Error('negative pathLenConstraint');
      f.basicConstraints = { ca, critical: ext.critical, ...(pathLen === undefined ? {} : { pathLen }) };
      return;
    }
    case OID.keyUsage: {
      const bytes = bitStringBytes(parseDer(v));
      const usages = new Set<KeyUsageName>();
      KEY_USAGE_BITS.forEach((name, i) => {
        if (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) usages.add(name);
      });
      f.keyUsage = { usages, critical: ext.critical };
      return;
    }
    case OID.extKeyUsage:
      f.extKeyUsage = children(parseDer(v)).map(oidOf);
      return;
    case OID.subjectKeyId: {
      const os = parseDer(v);
      if (!isUniversal(os, TAG.OCTET_STRING)) throw new Error('SKI not an OCTET STRING');
      f.subjectKeyId = toHex(os.content);
      return;
    }
    case OID.authorityKeyId: {
      const keyId = children(parseDer(v)).find((el) => isContext(el, 0));
      f.authorityKeyId = keyId ? toHex(keyId.content) : '';
      return;
    }
    case OID.subjectAltName:
      f.subjectAltNames = decodeGeneralNames(v);
      f.sanCritical = ext.critical;
      return;
    case OID.nameConstraints: {
      const parts = children(parseDer(v));
      f.nameConstraints = {
        permitted: subtrees(parts.find((el) => isContext(el, 0))),
        excluded: subtrees(parts.find((el) => isContext(el, 1))),
        critical: ext.critical,
      };
      return;
    }
  }
}

const NULL_PARAMS = '0500';

function time(t: CertificateModel['notBefore']): TimeFacts {
  if (!t.date) throw new TlvError(`bad Time value "${t.text}"`);
  return { date: t.date, encoding: t.encoding };
}

/**
 * The validator takes DER only, as TLS stacks do (Go's parser refuses BER outright): the reader
 * locates fields in BER too, so indefinite lengths in the certificate's frame and in the
 * TBSCertificate's fields are refused here (the DER view throws on them).
 */
function requireDerFrame(der: Uint8Array): void {
  for (const part of children(parseDer(der))) if (part.constructed) children(part);
}

/** The facts of a located certificate. Throws when a field the facts need does not decode. */
function factsOf(model: CertificateModel): CertFacts {
  requireDerFrame(model.der);
  const issuer = parseName(model.issuer);
  // Equal bytes are one view (certificate.ts): a self-issued certificate's names are parsed once.
  const subject = model.subject === model.issuer ? issuer : parseName(model.subject);
  const params = model.signatureAlgorithm.params;
  const f: CertFacts = {
    model,
    version: model.version,
    serial: model.serial,
    signatureOid: model.signatureAlgorithm.oid,
    ...(params && toHex(params) !== NULL_PARAMS ? { signatureParams: params } : {}),
    tbs: model.tbs,
    signature: model.signature,
    tbsSignatureOid: model.tbsSignature.oid,
    issuer,
    subject,
    selfIssued: namesEqual(issuer, subject),
    notBefore: time(model.notBefore),
    notAfter: time(model.notAfter),
    spki: model.spki,
    key: keyInfoOf(parseDer(model.spki)),
    extensions: model.extensions,
    sanCritical: false,
    undecodable: [],
  };
  for (const ext of model.extensions) {
    try {
      decodeExtension(f, ext);
    } catch {
      f.undecodable.push(ext.oid);
    }
  }
  return f;
}

/**
 * A located model with its facts, once decoded, kept on it: the model is memoised per buffer, so
 * its facts are too, without a WeakMap entry per certificate (each lived until a garbage
 * collection, and a CA bundle makes 144 per read).
 */
type ModelWithFacts = CertificateModel & { facts?: CertFacts };

/**
 * Facts of a certificate's DER, decoded once per ArrayBuffer from the one located model (the
 * inspector, lint, relations and the validator read the same items). The buffer must not change
 * afterwards, as for the read models. Throws a PkiError ('invalid-der') for DER that is not a
 * certificate, an Error for a certificate whose names, times or key do not decode.
 */
export function certFactsOfBuffer(der: ArrayBuffer): CertFacts {
  const model: ModelWithFacts = certificateModel(der);
  return (model.facts ??= factsOf(model));
}

/** Facts of DER in a buffer the caller may change later: decoded from a copy (not cached). */
export function certFactsFromDer(raw: Uint8Array): CertFacts {
  return certFactsOfBuffer(raw.slice().buffer);
}

/** Facts of a parsed certificate, decoded once per DER buffer. */
export function certFacts(cert: X509Certificate): CertFacts {
  return certFactsOfBuffer(cert.rawData);
}

/**
 * Extensions this code understands well enough that their being critical is no reason to
 * reject (RFC 5280 §6.1.4 (o)). Policies are recognised but not processed: the relying
 * party here always starts from anyPolicy with no explicit-policy requirement.
 */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyId,
  OID.authorityKeyId,
  OID.subjectAltName,
  OID.nameConstraints,
  OID.certificatePolicies,
  OID.policyMappings,
  OID.policyConstraints,
  OID.inhibitAnyPolicy,
  '2.5.29.18', // issuerAltName
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.46', // freshestCRL
  '2.5.29.9', // subjectDirectoryAttributes
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
  '1.3.6.1.5.5.7.1.24', // TLS feature (must-staple)
  '1.3.6.1.5.5.7.48.1.5', // OCSP no-check
  '1.3.6.1.4.1.11129.2.4.2', // CT SCT list
  '1.3.6.1.4.1.11129.2.4.3', // CT precertificate poison
]);
