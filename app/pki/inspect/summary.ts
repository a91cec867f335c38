/**
 * The JSON form of an item for `certbench inspect --json` (issue 3): stable keys, RFC 4514
 * names as Python cryptography writes them, lowercase hex, ISO 8601 UTC, and findings from the
 * linter plus validity at `now`.
 */
import type { Finding } from '../findings.ts';
import { lintCertificateDer } from '../lint/index.ts';
import { certificateModel, type RawExtension } from '../model/certificate.ts';
import { crlModel } from '../read/crl-model.ts';
import { requestModel } from '../read/request-model.ts';
import type { CertificateItem, Item, KeyFormat } from '../read/types.ts';
import { serialHex } from './certificate.ts';
import { decodeBasicConstraints } from './extensions/basic-constraints.ts';
import { decodeExtendedKeyUsage, ekuName } from './extensions/extended-key-usage.ts';
import { decodeKeyUsage } from './extensions/key-usage.ts';
import { EXTENSION_DECODERS } from './extensions/registry.ts';
import { generalNamesOf } from './general-name.ts';
import { rfc4514 } from './name-text.ts';
import { SIGNATURE_ALGORITHMS, OID } from '../model/oids.ts';
import { describePublicKey, type PublicKeyDescription } from './public-key.ts';
import { isoTime, validityFindings } from './validity.ts';

export interface SummaryOptions {
  now?: Date;
  /** Run the linter on certificates (default true); the benchmark measures with and without. */
  lint?: boolean;
}

/** A GeneralName of a SAN extension: its kind ('dns', 'ip', 'email', 'uri', 'dn', …) and text. */
export interface SummaryName {
  type: string;
  value: string;
}

export interface CertificateSummary {
  kind: 'certificate';
  source: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  fingerprints: { sha256: string; sha1: string };
  subjectAltNames: SummaryName[];
  isCA: boolean;
  pathLength: number | null;
  keyUsage: string[];
  extendedKeyUsage: string[];
  publicKey: PublicKeyDescription;
  signatureAlgorithm: string;
  findings: Finding[];
}

export interface CsrSummary {
  kind: 'csr';
  source: string;
  subject: string;
  subjectAltNames: SummaryName[];
  publicKey: PublicKeyDescription;
  signatureAlgorithm: string;
  /** Null when the signature algorithm is not one the reader checks. */
  signatureValid: boolean | null;
}

export interface KeySummary {
  kind: 'private-key' | 'public-key';
  source: string;
  format: KeyFormat;
  /** Null for a private key whose public half is not in the file (PKCS#1 without it, some PKCS#8). */
  publicKey: PublicKeyDescription | null;
}

export interface CrlSummary {
  kind: 'crl';
  source: string;
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  revokedSerials: string[];
}

export interface ErrorSummary {
  kind: 'error';
  source: string;
  code: string;
  message: string;
}

/** One item as `certbench inspect --json` prints it: a union on `kind`, the keys stable. */
export type Summary = CertificateSummary | CsrSummary | KeySummary | CrlSummary | ErrorSummary;

const OID_SAN = OID.subjectAltName;

function publicKeyOf(spki: Uint8Array): PublicKeyDescription {
  const d = describePublicKey(spki);
  // The JSON carries size or curve, as the issue specifies.
  return d.curve
    ? { algorithm: d.algorithm, curve: d.curve }
    : d.size !== undefined
      ? { algorithm: d.algorithm, size: d.size }
      : { algorithm: d.algorithm };
}

function sansOf(extensions: RawExtension[]): SummaryName[] {
  const san = extensions.find((e) => e.oid === OID_SAN);
  return san ? generalNamesOf(san.value).map((n) => ({ type: n.type, value: n.value })) : [];
}

/** Run `fn` on the extension's value when present; undefined when absent or undecodable (reported as a finding). */
function decoded<T>(extensions: RawExtension[], oid: string, fn: (v: Uint8Array) => T): T | undefined {
  const ext = extensions.find((e) => e.oid === oid);
  if (!ext) return undefined;
  try {
    return fn(ext.value);
  } catch {
    return undefined; // Already reported by undecodableFindings.
  }
}

function undecodableFindings(extensions: RawExtension[]): Finding[] {
  const out: Finding[] = [];
  for (const ext of extensions) {
    const decoder = EXTENSION_DECODERS.get(ext.oid);
    if (!decoder) continue;
    try {
      // The parse alone where the decoder has one: the tree would be built only to be dropped.
      if (decoder.check) decoder.check(ext.value);
      else decoder.decode(ext.value);
    } catch {
      out.push({
        code: 'undecodable-extension',
        severity: 'warning',
        message: `The ${decoder.name} extension does not decode; TLS libraries may reject this certificate.`,
      });
    }
  }
  return out;
}

/** The linter reads the DER itself (no second X509Certificate parse: that was most of the bench's cost). */
function lintFindings(item: CertificateItem): Finding[] {
  try {
    return lintCertificateDer(item.der);
  } catch {
    return [
      {
        code: 'lint-skipped',
        severity: 'warning',
        message: 'The linter stopped on this certificate, so it was not linted.',
      },
    ];
  }
}

function summarizeCertificate(item: CertificateItem, options: SummaryOptions): CertificateSummary {
  const m = certificateModel(item.der);
  const findings: Finding[] = [
    ...validityFindings(m.notBefore, m.notAfter, options.now ?? new Date()),
    ...undecodableFindings(m.extensions),
  ];
  const bc = decoded(m.extensions, OID.basicConstraints, decodeBasicConstraints);
  const subject = rfc4514(m.subject);
  const summary: CertificateSummary = {
    kind: 'certificate',
    source: item.source,
    subject,
    // A self-issued certificate's issuer is its subject's view (certificate.ts): written once.
    issuer: m.issuer === m.subject ? subject : rfc4514(m.issuer),
    serialNumber: serialHex(m.serial),
    notBefore: isoTime(m.notBefore),
    notAfter: isoTime(m.notAfter),
    fingerprints: { ...item.fingerprints },
    subjectAltNames: decoded(m.extensions, OID_SAN, () => sansOf(m.extensions)) ?? [],
    isCA: bc?.ca ?? false,
    pathLength: bc?.ca ? bc.pathLength : null,
    keyUsage: decoded(m.extensions, OID.keyUsage, decodeKeyUsage) ?? [],
    extendedKeyUsage: (decoded(m.extensions, OID.extKeyUsage, decodeExtendedKeyUsage) ?? []).map(ekuName),
    publicKey: publicKeyOf(m.spki),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[m.signatureAlgorithm.oid] ?? m.signatureAlgorithm.oid,
    findings,
  };
  if (options.lint ?? true) findings.push(...lintFindings(item));
  return summary;
}

function summarizeOne(item: Item, options: SummaryOptions): Summary {
  switch (item.kind) {
    case 'certificate':
      return summarizeCertificate(item, options);
    case 'csr': {
      const m = requestModel(item.der);
      return {
        kind: 'csr',
        source: item.source,
        subject: rfc4514(m.subject),
        subjectAltNames: sansOf(m.extensions),
        publicKey: publicKeyOf(m.spki),
        signatureAlgorithm: SIGNATURE_ALGORITHMS[m.signatureAlgorithm.oid] ?? m.signatureAlgorithm.oid,
        signatureValid: item.signatureValid,
      };
    }
    case 'private-key':
      return {
        kind: 'private-key',
        source: item.source,
        format: item.format,
        publicKey: item.publicKeyDer ? publicKeyOf(new Uint8Array(item.publicKeyDer)) : null,
      };
    case 'public-key':
      return {
        kind: 'public-key',
        source: item.source,
        format: item.format,
        publicKey: publicKeyOf(new Uint8Array(item.der)),
      };
    case 'crl': {
      const m = crlModel(item.der);
      return {
        kind: 'crl',
        source: item.source,
        issuer: rfc4514(m.issuer),
        thisUpdate: isoTime(m.thisUpdate),
        nextUpdate: m.nextUpdate ? isoTime(m.nextUpdate) : null,
        revokedSerials: m.revoked.map((r) => r.serialHex),
      };
    }
    case 'error':
      return { kind: 'error', source: item.source, code: item.code, message: item.message };
  }
}

/** The JSON summary of one item. Never throws: a failure becomes an error summary. */
export function summarize(item: Item, options: SummaryOptions = {}): Summary {
  try {
    return summarizeOne(item, options);
  } catch (e) {
    return {
      kind: 'error',
      source: item.source,
      code: 'internal',
      message: `certbench could not summarise this ${item.kind}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
