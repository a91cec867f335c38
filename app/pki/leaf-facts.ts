/**
 * What renewal copies from a leaf certificate: its subject (as DER, byte for byte), its SANs,
 * its profile (from the extended key usage), its key algorithm and public key, its serial and
 * its lifetime. Read with the inspector's own decoders, so a certificate certbench can show is
 * a certificate it can renew.
 */
import type { KeyAlgorithmId } from './algorithms.ts';
import { PkiError } from './errors.ts';
import { decodeBasicConstraints } from './inspect/extensions/basic-constraints.ts';
import { decodeExtendedKeyUsage } from './inspect/extensions/extended-key-usage.ts';
import { generalNamesOf } from './inspect/general-name.ts';
import { rfc4514 } from './inspect/name-text.ts';
import { serialHex } from './inspect/certificate.ts';
import { describePublicKey } from './inspect/public-key.ts';
import { pemDecodeAll } from './pem.ts';
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH, type LeafProfile } from './profiles.ts';
import { certificateModel } from './model/certificate.ts';
import { canonicalSan, type SanEntry, type SanKind } from './san.ts';
import { normalizeSerial } from './revocation-list.ts';
import { OID } from './model/oids.ts';

export interface LeafFacts {
  /** DER of the subject Name. */
  subjectDer: Uint8Array<ArrayBuffer>;
  /** RFC 4514 text of the subject, for messages and lists. */
  subject: string;
  /** DER of the issuer Name. */
  issuerDer: Uint8Array;
  sans: SanEntry[];
  profile: LeafProfile;
  algorithm: KeyAlgorithmId;
  /** DER of the SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** Lower-case hex, no leading zero bytes (revocation-list.ts form). */
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

const OID_BASIC_CONSTRAINTS = OID.basicConstraints;
const OID_EKU = OID.extKeyUsage;
const OID_SAN = OID.subjectAltName;

const SAN_KINDS: Partial<Record<string, SanKind>> = { dns: 'dns', ip: 'ip', email: 'email', uri: 'uri' };

/** The profile a leaf was issued under, from its EKU (RFC 5280 §4.2.1.12); no EKU reads as a node. */
function profileOf(ekus: readonly string[] | undefined): LeafProfile | undefined {
  if (!ekus) return 'node';
  const server = ekus.includes(EKU_SERVER_AUTH);
  const client = ekus.includes(EKU_CLIENT_AUTH);
  if (server && client) return 'node';
  if (server) return 'server';
  if (client) return 'client';
  return undefined;
}

function algorithmOf(spki: Uint8Array): KeyAlgorithmId | undefined {
  const key = describePublicKey(spki);
  if (key.algorithm === 'Ed25519') return 'ed25519';
  if (key.algorithm === 'EC') return ({ 'P-256': 'p256', 'P-384': 'p384', 'P-521': 'p521' } as const)[key.curve ?? ''];
  if (key.algorithm === 'RSA') return ({ 2048: 'rsa2048', 3072: 'rsa3072', 4096: 'rsa4096' } as const)[key.size ?? 0];
  return undefined;
}

/** The first certificate of `certPem` (a leaf file may hold its chain after it), as LeafFacts; errors on `field`. */
export function leafFacts(certPem: string, field = 'cert'): LeafFacts {
  const block = pemDecodeAll(certPem).blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new PkiError('invalid-pem', field, 'This is not a PEM certificate ("BEGIN CERTIFICATE").');
  const m = certificateModel(block.der);
  const ext = (oid: string) => m.extensions.find((e) => e.oid === oid)?.value;
  const bc = ext(OID_BASIC_CONSTRAINTS);
  if (bc && decodeBasicConstraints(bc).ca)
    throw new PkiError(
      'invalid-argument',
      field,
      `"${rfc4514(m.subject)}" is a CA certificate, not a leaf: rotate a CA instead of renewing it.`,
    );
  const eku = ext(OID_EKU);
  const profile = profileOf(eku ? decodeExtendedKeyUsage(eku) : undefined);
  if (!profile)
    throw new PkiError(
      'invalid-argument',
      field,
      `"${rfc4514(m.subject)}" is neither for TLS servers nor clients (no serverAuth or clientAuth usage).`,
    );
  const algorithm = algorithmOf(m.spki);
  if (!algorithm)
    throw new PkiError(
      'unsupported-algorithm',
      field,
      `"${rfc4514(m.subject)}" has a key certbench does not make (RSA 2048-4096, ECDSA P-256/384/521 and Ed25519 are).`,
    );
  const san = ext(OID_SAN);
  const sans = (san ? generalNamesOf(san) : []).map((n) => {
    const kind = SAN_KINDS[n.type];
    if (!kind)
      throw new PkiError(
        'invalid-san',
        field,
        `"${rfc4514(m.subject)}" has a ${n.type} SAN, which certbench does not issue.`,
      );
    return canonicalSan(kind, n.value);
  });
  const { date: notBefore } = m.notBefore;
  const { date: notAfter } = m.notAfter;
  if (!notBefore || !notAfter)
    throw new PkiError('invalid-der', field, `"${rfc4514(m.subject)}" has a validity time that is not a time.`);
  return {
    subjectDer: m.subject.slice(),
    subject: rfc4514(m.subject),
    issuerDer: m.issuer,
    sans,
    profile,
    algorithm,
    spki: m.spki,
    serial: normalizeSerial(serialHex(m.serial)),
    notBefore,
    notAfter,
  };
}
