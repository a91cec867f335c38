/**
 * RFC 5280 §6.1 basic path validation over one candidate path: signatures, validity at a
 * time (bounds inclusive), name chaining, basicConstraints and path length (self-issued
 * intermediates do not count), keyUsage keyCertSign, name constraints, unknown critical
 * extensions, and extendedKeyUsage for the purpose. Policies are not processed: the relying
 * party is the default one (anyPolicy, no explicit policy), so they cannot fail a path.
 * Every problem is reported, not just the first, so the diagnosis is complete.
 */
import type { X509Certificate } from '@peculiar/x509';
import type { Finding } from '../findings.ts';
import { diagnosis } from '../diagnose/catalog.ts';
import { certFacts, KNOWN_EXTENSIONS, type CertFacts, type KeyUsageName } from '../model/cert-facts.ts';
import { OID } from '../model/oids.ts';
import { CN_OID, namesEqual, type ParsedName } from '../model/names.ts';
import { nameConstraintViolation, type NameConstraintSet } from './name-constraints.ts';
import { PATH_RULES } from '../lint/index.ts';
import type { Position } from '../lint/rule.ts';
import type { PathFinding } from './client-profiles.ts';
import { mlDsaStackText } from '../ml-dsa/support.ts';

export type Purpose = 'server' | 'client';

import type { SignatureCheck } from '../signatures/checker.ts';
export type { SignatureCheck };

export interface PathInput {
  /** The trust anchor, or null for a path that reaches none (checked as far as it goes, for diagnosis). */
  anchor: X509Certificate | null;
  /** Certificates below the anchor, the one it issued first and the target (leaf) last. */
  path: X509Certificate[];
  at: Date;
  purpose?: Purpose;
  verifySignature: SignatureCheck;
}

const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** Validity (inclusive bounds), unknown critical extensions: what every certificate in a path must pass. */
export function checkCertificateItself(cert: X509Certificate, f: CertFacts, at: Date): Finding[] {
  const out: Finding[] = [];
  const d = { cert: cert.subject, at: iso(at) };
  if (at.getTime() < f.notBefore.date.getTime())
    out.push(diagnosis('not-yet-valid', { ...d, detail: iso(f.notBefore.date) }));
  if (at.getTime() > f.notAfter.date.getTime()) out.push(diagnosis('expired', { ...d, detail: iso(f.notAfter.date) }));
  const unknown = f.extensions.filter(
    (e) => e.critical && (!KNOWN_EXTENSIONS.has(e.oid) || f.undecodable.includes(e.oid)),
  );
  if (unknown.length)
    out.push(
      diagnosis('unknown-critical-extension', { cert: cert.subject, detail: unknown.map((e) => e.oid).join(', ') }),
    );
  // Every ML-DSA signature in a path is made by an ML-DSA key of a path certificate or the anchor, so the keys are enough.
  if (f.key.kind === 'ml-dsa')
    out.push(diagnosis('ml-dsa-unsupported', { cert: cert.subject, detail: mlDsaStackText() }));
  return out;
}

/** Key usage bits that let a leaf take part in a TLS handshake in each role (as OpenSSL's purpose checks). */
const TLS_KEY_USAGE: Record<Purpose, KeyUsageName[]> = {
  server: ['digitalSignature', 'keyEncipherment', 'keyAgreement'],
  client: ['digitalSignature', 'keyAgreement'],
};

/**
 * EKU for the purpose (RFC 5280 §4.2.1.12; absent EKU or anyExtendedKeyUsage allow
 * everything), and for the leaf a keyUsage that allows the handshake.
 */
export function checkPurpose(
  cert: X509Certificate,
  f: CertFacts,
  purpose: Purpose | undefined,
  isLeaf = false,
): Finding[] {
  if (!purpose) return [];
  const out: Finding[] = [];
  const want = purpose === 'server' ? OID.serverAuth : OID.clientAuth;
  if (f.extKeyUsage && !f.extKeyUsage.includes(OID.anyExtendedKeyUsage) && !f.extKeyUsage.includes(want)) {
    out.push(
      diagnosis(purpose === 'server' ? 'eku-missing-server-auth' : 'eku-missing-client-auth', { cert: cert.subject }),
    );
  }
  const usages = f.keyUsage?.usages;
  if (isLeaf && usages && !TLS_KEY_USAGE[purpose].some((u) => usages.has(u))) {
    out.push(
      diagnosis('key-usage-forbids-purpose', {
        cert: cert.subject,
        detail: `a TLS ${purpose} needs ${TLS_KEY_USAGE[purpose].join(' or ')}`,
      }),
    );
  }
  return out;
}

/**
 * Rules the §6 checks below already report for a CA between anchor and leaf, under their own
 * codes (issuer-not-ca, issuer-missing-key-cert-sign): not repeated there.
 */
const COVERED_BY_SECTION_6 = new Set(['ca-not-marked-ca', 'ca-missing-key-cert-sign']);

/** The RFC 5280 §4 profile (the shared rule table's inPath rules) on one certificate of a path. */
export function checkProfile(
  cert: X509Certificate,
  f: CertFacts,
  position: Position,
  constrained = false,
): PathFinding[] {
  const ctx = {
    facts: f,
    role: position === 'leaf' ? ('leaf' as const) : ('ca' as const),
    selfIssued: f.selfIssued,
    position,
  };
  const out: PathFinding[] = [];
  for (const rule of PATH_RULES) {
    if (position === 'intermediate' && COVERED_BY_SECTION_6.has(rule.code)) continue;
    const hit = rule.check(ctx);
    if (hit === null) continue;
    const [message, severity] = typeof hit === 'string' ? [hit, rule.severity] : [hit.message, hit.severity];
    out.push({
      code: rule.code,
      severity,
      message: `"${cert.subject}": ${message}`,
      position,
      facts: f,
      profile: true,
      ...(constrained ? { constrained } : {}),
    });
  }
  return out;
}

/** A CN that reads as a host name (dotted letters, digits, hyphens, underscores), as OpenSSL's cn2dnsid accepts one. */
const HOST_LIKE_CN = /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/i;

/**
 * A leaf without DNS SANs whose CN reads as a host name outside the DNS name constraints
 * (OpenSSL's NAME_CONSTRAINTS_check_CN, Java): not an RFC 5280 rule, so a profile finding
 * that only the clients doing it refuse.
 */
function checkCnAgainstConstraints(
  cert: X509Certificate,
  f: CertFacts,
  constraints: NameConstraintSet[],
): PathFinding[] {
  if (f.subjectAltNames?.some((n) => n.type === 'dns')) return [];
  const cn = f.subject
    .flat()
    .filter((a) => a.type === CN_OID && !a.key.startsWith('#'))
    .map((a) => a.key)
    .pop();
  if (!cn || !HOST_LIKE_CN.test(cn)) return [];
  const asDns: CertFacts = {
    ...f,
    subject: [],
    subjectAltNames: [{ type: 'dns', value: cn, bytes: new Uint8Array() }],
  };
  const violation = nameConstraintViolation(asDns, constraints);
  return violation
    ? [{ ...diagnosis('cn-outside-name-constraints', { cert: cert.subject, detail: violation }), profile: true }]
    : [];
}

/**
 * A trusted certificate that is not a self-signed root ends the path: OpenSSL's default (no
 * X509_V_FLAG_PARTIAL_CHAIN) goes on looking for its issuer and fails. OpenSSL holds a
 * certificate self-signed only when its AKI, if any, matches its own SKI (crypto/x509/v3_purp.c,
 * EXFLAG_SS). Only the openssl profile refuses it.
 */
export function partialChain(cert: X509Certificate, f: CertFacts, position: Position): PathFinding[] {
  const akiMismatch =
    f.authorityKeyId !== undefined &&
    f.authorityKeyId !== '' &&
    f.subjectKeyId !== undefined &&
    f.authorityKeyId !== f.subjectKeyId;
  return !f.selfIssued || akiMismatch
    ? [{ ...diagnosis('partial-chain', { cert: cert.subject }), position, facts: f, profile: true }]
    : [];
}

/** Name forms Go 1.19's parseNameConstraintsExtension handles; a critical extension with any other is unhandled. */
const GO_CONSTRAINT_FORMS = new Set(['dns', 'email', 'ip', 'uri']);

/** A CA's critical name constraints on forms Go does not process: only the go profile refuses it. */
function unhandledConstraintForms(cert: X509Certificate, f: CertFacts, position: Position): PathFinding[] {
  const nc = f.nameConstraints;
  if (!nc?.critical) return [];
  const forms = [
    ...new Set([...nc.permitted, ...nc.excluded].map((c) => c.type).filter((t) => !GO_CONSTRAINT_FORMS.has(t))),
  ];
  return forms.length
    ? [
        {
          ...diagnosis('name-constraints-unhandled-form', { cert: cert.subject, detail: forms.join(', ') }),
          position,
          facts: f,
          profile: true,
        },
      ]
    : [];
}

const at =
  (position: Position, f: CertFacts) =>
  (finding: Finding): PathFinding => ({ ...finding, position, facts: f });

/**
 * Run §6.1.3-§6.1.5 over the path, and the §4 profile on each certificate, the anchor
 * included. Each finding says where its certificate sits; which of them refuse the path is
 * each client's call (client-profiles.ts).
 */
export async function checkPath(input: PathInput): Promise<PathFinding[]> {
  const { anchor, path, at: time, purpose } = input;
  const out: PathFinding[] = [];
  const n = path.length;
  const constraints: NameConstraintSet[] = [];
  let maxPathLength = n;
  let limitSetBy = '';
  let workingIssuer: X509Certificate | null = anchor;
  let workingIssuerName: ParsedName | null = null;
  /** How many of `constraints` (the first ones) are the anchor's own. */
  let anchorSets = 0;

  // The anchor's own constraints apply to what is below it, as OpenSSL and Go apply them.
  // Its validity is checked too: RFC 5280 does not ask it, but OpenSSL, Go and Java refuse an
  // expired root, and the question here is whether TLS will work.
  if (anchor) {
    const af = certFacts(anchor);
    out.push(
      ...checkCertificateItself(anchor, af, time).map(at('anchor', af)),
      ...checkProfile(anchor, af, 'anchor'),
      ...unhandledConstraintForms(anchor, af, 'anchor'),
    );
    out.push(...partialChain(anchor, af, 'anchor'));
    workingIssuerName = af.subject;
    if (af.nameConstraints) constraints.push({ ...af.nameConstraints, from: anchor.subject });
    anchorSets = constraints.length;
    if (af.basicConstraints?.pathLen !== undefined && af.basicConstraints.pathLen < maxPathLength) {
      maxPathLength = af.basicConstraints.pathLen;
      limitSetBy = anchor.subject;
    }
  }

  for (let i = 0; i < n; i++) {
    const cert = path[i];
    if (!cert) continue;
    const f = certFacts(cert);
    const isLeaf = i === n - 1;
    const position: Position = isLeaf ? 'leaf' : 'intermediate';
    const here = at(position, f);
    // §6.1.3 (a): signature, validity, issuer name.
    if (workingIssuer) {
      const reason = await input.verifySignature(cert, workingIssuer);
      if (reason !== null) out.push(here(diagnosis('bad-signature', { cert: cert.subject, detail: reason })));
    }
    if (workingIssuerName && !namesEqual(f.issuer, workingIssuerName))
      out.push(here(diagnosis('name-chaining', { cert: cert.subject })));
    out.push(
      ...checkCertificateItself(cert, f, time).map(here),
      ...checkProfile(cert, f, position, constraints.length > 0),
    );
    // §6.1.3 (b)-(c): self-issued intermediates are exempt; the target never is.
    if (isLeaf || !f.selfIssued) {
      const violation = nameConstraintViolation(f, constraints);
      if (violation) {
        const byAnchor = anchorSets > 0 && nameConstraintViolation(f, constraints.slice(anchorSets)) === null;
        out.push({
          ...here(diagnosis('name-constraint-violated', { cert: cert.subject, detail: violation })),
          ...(byAnchor ? { byAnchor } : {}),
        });
      }
    }
    if (isLeaf && constraints.length) out.push(...checkCnAgainstConstraints(cert, f, constraints).map(here));
    out.push(...checkPurpose(cert, f, purpose, isLeaf).map(here));
    if (isLeaf) break;

    // §6.1.4: preparation for the next certificate; this one acts as a CA.
    out.push(...unhandledConstraintForms(cert, f, position));
    if (f.nameConstraints) constraints.push({ ...f.nameConstraints, from: cert.subject });
    if (!f.basicConstraints?.ca) {
      out.push(
        here(
          diagnosis('issuer-not-ca', {
            cert: cert.subject,
            detail: f.basicConstraints ? 'says cA=FALSE' : 'extension is missing',
          }),
        ),
      );
    }
    if (!f.selfIssued) {
      if (maxPathLength <= 0) {
        const finding = here(
          diagnosis('path-length-exceeded', { cert: limitSetBy, detail: `"${cert.subject}" is one CA too many.` }),
        );
        out.push(anchor && limitSetBy === anchor.subject ? { ...finding, byAnchor: true } : finding);
      }
      maxPathLength--;
    }
    if (f.basicConstraints?.pathLen !== undefined && f.basicConstraints.pathLen < maxPathLength) {
      maxPathLength = f.basicConstraints.pathLen;
      limitSetBy = cert.subject;
    }
    if (f.keyUsage && !f.keyUsage.usages.has('keyCertSign'))
      out.push(here(diagnosis('issuer-missing-key-cert-sign', { cert: cert.subject })));
    workingIssuer = cert;
    workingIssuerName = f.subject;
  }
  return dedupe(out);
}

function dedupe(findings: PathFinding[]): PathFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.code + f.message) ? false : (seen.add(f.code + f.message), true)));
}
