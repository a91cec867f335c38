/**
 * Lint for a private mTLS PKI (not the web PKI's baseline requirements): a registry of small
 * rules, each with a stable code. Adding a rule is adding an entry to one of the rule lists.
 */
import type { X509Certificate } from '@peculiar/x509';
import type { Finding } from '../findings.ts';
import { certFacts, certFactsFromDer, certFactsOfBuffer, type CertFacts } from '../model/cert-facts.ts';
import type { LintContext, LintRule } from './rule.ts';
import { CA_RULES } from './rules/ca.ts';
import { IDENTIFIER_RULES } from './rules/identifiers.ts';
import { KEY_RULES } from './rules/keys.ts';
import { VALIDITY_RULES } from './rules/validity.ts';
import { USAGE_RULES } from './rules/usage.ts';
import { NAME_RULES } from './rules/names.ts';
import { PROFILE_RULES } from './rules/profile.ts';

export type { LintRule, LintContext, Position } from './rule.ts';

/** Every rule, in the order findings are reported. */
export const LINT_RULES: readonly LintRule[] = [
  ...CA_RULES,
  ...IDENTIFIER_RULES,
  ...KEY_RULES,
  ...VALIDITY_RULES,
  ...USAGE_RULES,
  ...NAME_RULES,
  ...PROFILE_RULES,
];

/** The rules path validation checks on every certificate of a path (the RFC 5280 §4 profile). */
export const PATH_RULES: readonly LintRule[] = LINT_RULES.filter((r) => r.inPath);

/**
 * Lint one certificate. `context.role` says how it is meant to be used; without it a
 * certificate with basicConstraints cA=TRUE is linted as a CA, anything else as a leaf.
 * Never throws: a certificate whose DER cannot be read gives one 'unreadable-certificate' finding.
 */
export function lintCertificate(cert: X509Certificate, context: { role?: 'ca' | 'leaf' } = {}): Finding[] {
  return lintWith(() => certFacts(cert), context);
}

/** lintCertificate from the DER alone, without a @peculiar/x509 parse (the fast path for bulk reading). */
export function lintCertificateDer(der: ArrayBuffer | Uint8Array, context: { role?: 'ca' | 'leaf' } = {}): Finding[] {
  return lintWith(
    () => (der instanceof ArrayBuffer ? certFactsOfBuffer(der) : certFactsFromDer(new Uint8Array(der))),
    context,
  );
}

function lintWith(read: () => CertFacts, context: { role?: 'ca' | 'leaf' }): Finding[] {
  let facts: CertFacts;
  try {
    facts = read();
  } catch {
    return [
      {
        code: 'unreadable-certificate',
        severity: 'error',
        message: "The certificate's DER could not be decoded far enough to lint it.",
      },
    ];
  }
  const role = context.role ?? (facts.basicConstraints?.ca ? 'ca' : 'leaf');
  const ctx: LintContext = {
    facts,
    role,
    selfIssued: facts.selfIssued,
    position: role === 'leaf' ? 'leaf' : facts.selfIssued ? 'anchor' : 'intermediate',
  };
  const findings: Finding[] = [];
  for (const rule of LINT_RULES) {
    const hit = rule.check(ctx);
    if (hit === null) continue;
    findings.push(
      typeof hit === 'string'
        ? { code: rule.code, severity: rule.severity, message: hit }
        : { code: rule.code, severity: hit.severity, message: hit.message },
    );
  }
  return findings;
}
