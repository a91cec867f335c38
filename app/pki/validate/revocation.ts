/**
 * Basic CRL revocation checking (RFC 5280 §6.3, complete CRLs issued directly by the
 * certificate's issuer only). A CRL is used for a certificate when its issuer name equals the
 * certificate's issuer name, its signature verifies with the issuing certificate's key (or
 * another key of that CA, see crlSigners), that key may sign CRLs (keyUsage cRLSign when
 * keyUsage is present), thisUpdate <= at <= nextUpdate, and it carries no critical extension
 * this check does not process (§5.2, §5.3). Delta CRLs and CRLs
 * with an issuing distribution point (scoped or indirect CRLs) are not used: their scope needs
 * processing this basic check does not do. A certificate none of whose issuer's CRLs were
 * supplied gets a warning, not an error: callers pass the CRLs they want checked, but a CRL of
 * the wrong CA must not look like a check that passed.
 */
import type { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import type { Finding } from '../findings.ts';
import { diagnosis } from '../diagnose/catalog.ts';
import { certFacts, type CertFacts } from '../model/cert-facts.ts';
import { OID } from '../model/oids.ts';
import { nameKey } from '../model/names.ts';
import { crlReasonName } from '../model/crl-reasons.ts';
import type { CrlEntryFacts, CrlFacts } from './crl-facts.ts';
import type { SignatureVerifier } from '../signatures/verify-signature.ts';

const CRL_EXT = {
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
} as const;

/** CRL extensions whose criticality is no reason to refuse the CRL (§5.2). */
const KNOWN_CRL_EXTENSIONS: ReadonlySet<string> = new Set([
  CRL_EXT.crlNumber,
  OID.authorityKeyId,
  '2.5.29.18', // issuerAltName
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

/** CRL entry extensions that are understood (§5.3); certificateIssuer (indirect CRLs) is not. */
const KNOWN_ENTRY_EXTENSIONS: ReadonlySet<string> = new Set([CRL_EXT.reasonCode, CRL_EXT.invalidityDate]);

export interface RevocationInput {
  /** The trust anchor: the issuer of the first certificate of `path`; never checked itself. */
  anchor: X509Certificate;
  /** Certificates below the anchor, the one it issued first and the target last. */
  path: X509Certificate[];
  at: Date;
  crls: CrlFacts[];
  verifier: SignatureVerifier;
  /** Other certificates given (the intermediates pool): self-issued rollover keys of a CA may be among them. */
  others?: X509Certificate[];
}

const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** Why this CRL cannot be used, or null when it can; `signers` are the keys that may have signed it, issuer first. */
async function unusable(
  crl: CrlFacts,
  signers: CertFacts[],
  at: Date,
  verifier: SignatureVerifier,
): Promise<string | null> {
  const scoped = crl.extensions.find(
    (e) => e.oid === CRL_EXT.deltaCrlIndicator || e.oid === CRL_EXT.issuingDistributionPoint,
  );
  if (scoped) {
    return scoped.oid === CRL_EXT.deltaCrlIndicator
      ? 'it is a delta CRL, which basic checking does not use'
      : 'it has an issuing distribution point, which basic checking does not process';
  }
  // §5.2.3: conforming CRL issuers MUST include the CRL number, and MUST mark it non-critical.
  const crlNumber = crl.extensions.find((e) => e.oid === CRL_EXT.crlNumber);
  if (!crlNumber) return 'it has no CRL number (RFC 5280 §5.2.3)';
  if (crlNumber.critical) return 'its CRL number is marked critical (RFC 5280 §5.2.3)';
  const unknown = crl.extensions.filter((e) => e.critical && !KNOWN_CRL_EXTENSIONS.has(e.oid));
  if (unknown.length) return `it has an unknown critical extension (${unknown.map((e) => e.oid).join(', ')})`;
  const entryUnknown = crl.entries
    .flatMap((e) => e.extensions)
    .filter((e) => e.critical && !KNOWN_ENTRY_EXTENSIONS.has(e.oid));
  if (entryUnknown.length)
    return `an entry has an unknown critical extension (${[...new Set(entryUnknown.map((e) => e.oid))].join(', ')})`;
  if (crl.thisUpdate.getTime() > at.getTime()) return `it is not valid until its thisUpdate ${iso(crl.thisUpdate)}`;
  if (crl.nextUpdate && crl.nextUpdate.getTime() < at.getTime())
    return `it expired at its nextUpdate ${iso(crl.nextUpdate)}`;
  let why = "its signature does not verify with the issuer's key";
  for (const signer of signers) {
    // The verifier reads only the signature fields, which a CRL carries under the same names.
    const verified = await verifier.verify(crl, signer);
    if (verified === true) {
      return signer.keyUsage && !signer.keyUsage.usages.has('cRLSign') ? "the issuer's keyUsage lacks cRLSign" : null;
    }
    if (verified !== false) why = `its signature cannot be checked ${verified}`;
  }
  return why;
}

function entryReason(entry: CrlEntryFacts): string | null {
  const ext = entry.extensions.find((e) => e.oid === CRL_EXT.reasonCode);
  // ENUMERATED (tag 10) of one octet.
  if (!ext || ext.value.length !== 3 || ext.value[0] !== 10 || ext.value[1] !== 1) return null;
  const value = ext.value[2] ?? 0;
  return crlReasonName(value) ?? `reason ${value}`;
}

function revokedDetail(serial: Uint8Array, entry: CrlEntryFacts): string {
  const reason = entryReason(entry);
  return `serial ${Convert.ToHex(serial)} was revoked on ${iso(entry.revocationDate)}${reason ? ` (reason: ${reason})` : ''}`;
}

/**
 * The keys that may have signed the CRLs of `issuer`'s certificates, the issuer's own first. A
 * CA that rolled its key over (RFC 5280 §6.3.3 (f)) may sign CRLs with another key of the same
 * name: a certificate of the validated path with that subject, or a self-issued certificate
 * from `others` that such a key signed and that is valid at `at`. The rollover certificate's
 * own revocation is not checked (its CRLs are usually scoped, which basic checking skips).
 */
async function crlSigners(
  issuer: CertFacts,
  validated: X509Certificate[],
  input: RevocationInput,
): Promise<CertFacts[]> {
  const name = nameKey(issuer.subject);
  const inPath = [issuer, ...validated.map(certFacts).filter((c) => c !== issuer && nameKey(c.subject) === name)];
  const t = input.at.getTime();
  const rollover: CertFacts[] = [];
  for (const other of input.others ?? []) {
    const c = certFacts(other);
    if (!c.selfIssued || nameKey(c.subject) !== name || inPath.includes(c)) continue;
    if (t < c.notBefore.date.getTime() || t > c.notAfter.date.getTime()) continue;
    for (const key of inPath) {
      if ((await input.verifier.verify(c, key)) === true) {
        rollover.push(c);
        break;
      }
    }
  }
  return [...inPath, ...rollover];
}

/** Revocation findings for each certificate of the path; a warning when no CRL given names its issuer. */
export async function checkRevocation(input: RevocationInput): Promise<Finding[]> {
  const out: Finding[] = [];
  const byIssuer = new Map<string, CrlFacts[]>();
  for (const crl of input.crls) {
    const key = nameKey(crl.issuer);
    const same = byIssuer.get(key);
    if (same) same.push(crl);
    else byIssuer.set(key, [crl]);
  }
  const validated = [input.anchor, ...input.path];
  let issuer = input.anchor;
  for (const cert of input.path) {
    const f = certFacts(cert);
    const issuerFacts = certFacts(issuer);
    issuer = cert;
    const candidates = byIssuer.get(nameKey(f.issuer));
    if (!candidates) {
      // Not an error (only the CRLs given are checked), but a CRL for the wrong CA must not pass for a check.
      out.push(diagnosis('revocation-not-checked', { cert: cert.subject, detail: `issuer ${cert.issuer}` }));
      continue;
    }
    const signers = await crlSigners(issuerFacts, validated, input);
    const usable: CrlFacts[] = [];
    const reasons: string[] = [];
    for (const crl of candidates) {
      const why = await unusable(crl, signers, input.at, input.verifier);
      if (why === null) usable.push(crl);
      else reasons.push(why);
    }
    if (!usable.length) {
      out.push(diagnosis('revocation-unknown', { cert: cert.subject, detail: [...new Set(reasons)].join('; ') }));
      continue;
    }
    const serial = Convert.ToHex(f.serial);
    const entry = usable.flatMap((c) => c.entries).find((e) => Convert.ToHex(e.serial) === serial);
    if (entry) out.push(diagnosis('revoked', { cert: cert.subject, detail: revokedDetail(f.serial, entry) }));
  }
  return out;
}
