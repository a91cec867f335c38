/**
 * One read of a certificate's DER into the plain facts that validation, lint and diagnosis
 * need, decoded with asn1js so nothing is lost or re-encoded (validity encodings, serial
 * octets, IP masks, raw names). Cached per certificate object.
 */
import { Convert } from 'pvtsutils';
import type { X509Certificate } from '@peculiar/x509';
import { parseNameElement, namesEqual, type ParsedName } from './der-names.ts';
import { decodeGeneralName, decodeGeneralNames, type GeneralNameValue } from './general-names.ts';
import { keyInfoOf, type KeyInfo } from './key-info.ts';
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
  timeOf,
  type DerNode,
} from '../asn1/der-node.ts';

export const OID = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  nameConstraints: '2.5.29.30',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  policyConstraints: '2.5.29.36',
  inhibitAnyPolicy: '2.5.29.54',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

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
export interface ExtensionFacts {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export interface CertFacts {
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

const cache = new WeakMap<X509Certificate, CertFacts>();

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
      f.subjectKeyId = Convert.ToHex(os.content);
      return;
    }
    case OID.authorityKeyId: {
      const keyId = children(parseDer(v)).find((el) => isContext(el, 0));
      f.authorityKeyId = keyId ? Convert.ToHex(keyId.content) : '';
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

/** Decode a certificate's DER into facts. Throws when the DER is not a certificate. */
export function certFactsFromDer(raw: Uint8Array): CertFacts {
  // The facts are views into this copy, so later changes to the caller's buffer cannot reach them.
  const [tbs, sigAlg, sigValue] = children(parseDer(raw.slice()));
  if (!tbs) throw new Error('not a certificate');
  const sigParams = children(sigAlg)[1];
  let fields = children(tbs);
  let version = 1;
  if (isContext(fields[0], 0)) {
    version = smallInt(children(fields[0])[0]) + 1;
    fields = fields.slice(1);
  }
  const [serial, tbsSig, issuer, validity, subject, spki, ...rest] = fields;
  if (!isUniversal(serial, TAG.INTEGER) || !issuer || !subject || !isUniversal(spki, TAG.SEQUENCE)) {
    throw new Error('not a certificate');
  }
  const [nb, na] = children(validity);
  const issuerName = parseNameElement(issuer);
  const subjectName = parseNameElement(subject);
  const extensions: ExtensionFacts[] = [];
  const extWrapper = rest.find((el) => isContext(el, 3));
  for (const ext of children(children(extWrapper)[0])) {
    const parts = children(ext);
    const critical = isUniversal(parts[1], TAG.BOOLEAN) ? booleanOf(parts[1]) : false;
    const value = parts[parts.length - 1];
    if (!isUniversal(value, TAG.OCTET_STRING)) throw new Error('bad extension');
    extensions.push({ oid: oidOf(parts[0]), critical, value: value.content });
  }
  const f: CertFacts = {
    version,
    serial: serial.content,
    signatureOid: oidOf(children(sigAlg)[0]),
    ...(sigParams && !(sigParams.cls === 0 && sigParams.tagNumber === 5) ? { signatureParams: sigParams.der } : {}), // 5: NULL
    tbs: tbs.der,
    signature: bitStringBytes(sigValue),
    tbsSignatureOid: oidOf(children(tbsSig)[0]),
    issuer: issuerName,
    subject: subjectName,
    selfIssued: namesEqual(issuerName, subjectName),
    notBefore: timeOf(nb),
    notAfter: timeOf(na),
    spki: spki.der,
    key: keyInfoOf(spki),
    extensions,
    sanCritical: false,
    undecodable: [],
  };
  for (const ext of extensions) {
    try {
      decodeExtension(f, ext);
    } catch {
      f.undecodable.push(ext.oid);
    }
  }
  return f;
}

const byBuffer = new WeakMap<ArrayBuffer, CertFacts>();

/**
 * Facts of a certificate's DER, computed once per ArrayBuffer (lint and relations read the same
 * items). The buffer must not change afterwards, as for the read models.
 */
export function certFactsOfBuffer(der: ArrayBuffer): CertFacts {
  let f = byBuffer.get(der);
  if (!f) {
    f = certFactsFromDer(new Uint8Array(der));
    byBuffer.set(der, f);
  }
  return f;
}

/** Facts of a parsed certificate, computed once per object. */
export function certFacts(cert: X509Certificate): CertFacts {
  let f = cache.get(cert);
  if (!f) {
    f = certFactsFromDer(new Uint8Array(cert.rawData));
    cache.set(cert, f);
  }
  return f;
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
