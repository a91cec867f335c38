/**
 * The rest of RFC 5280's certificate profile (§4) that path validation enforces: criticality
 * of AKI, SKI, AIA, policy and name constraints, non-empty issuer, well-formed SANs and name
 * constraints. Every rule here is `inPath`; the lint rules in the other files that are part
 * of the profile are marked `inPath` where they stand.
 */
import type { LintRule } from '../rule.ts';
import { OID } from '../../model/oids.ts';
import type { GeneralNameValue } from '../../model/general-names.ts';
import { dnsNameProblem } from './names.ts';

const AIA = '1.3.6.1.5.5.7.1.1';

/**
 * Whether an extension `oid` is present with this criticality. A loop rather than a curried
 * `some`: every rule runs on every certificate Inspect reads (issue 14: a CA bundle's lint made a
 * closure per rule and certificate to throw away).
 */
function hasExtension(facts: { extensions: { oid: string; critical: boolean }[] }, oid: string, critical: boolean) {
  for (const e of facts.extensions) if (e.oid === oid && e.critical === critical) return true;
  return false;
}

/** An rfc822Name is a mailbox with one "@" and a host, or (in constraints only) a host or ".domain". */
function emailProblem(value: string, inConstraint: boolean): boolean {
  const ats = value.split('@').length - 1;
  if (ats > 1) return true;
  if (ats === 0) return !inConstraint || value.length === 0;
  const [local, host] = value.split('@');
  return !local || !host;
}

/**
 * A DNS name constraint is a host name to which labels may be added on the left
 * (RFC 5280 §4.2.1.10): no wildcard and no leading dot (those are URI constraint syntax).
 */
function dnsConstraintProblem(value: string): boolean {
  if (value === '') return false; // the empty constraint matches every name
  return value.startsWith('.') || dnsNameProblem(value) !== null;
}

function badConstraint(c: GeneralNameValue): string | null {
  if (c.type === 'dns' && dnsConstraintProblem(c.value))
    return `DNS constraint "${c.value}" is not a host name (no wildcard or leading dot)`;
  if (c.type === 'ip' && c.bytes.length !== 8 && c.bytes.length !== 32)
    return `IP constraint "${c.value}" is not an address and mask (8 or 32 octets)`;
  if (c.type === 'email' && emailProblem(c.value, true))
    return `email constraint "${c.value}" is not a mailbox, host or domain`;
  return null;
}

export const PROFILE_RULES: LintRule[] = [
  {
    code: 'aki-critical',
    severity: 'error',
    summary: 'The authority key identifier is not critical (RFC 5280 §4.2.1.1).',
    inPath: {
      reason: 'marks its authority key identifier critical',
      fix: 'with a non-critical authority key identifier',
    },
    check: ({ facts }) =>
      hasExtension(facts, OID.authorityKeyId, true)
        ? 'The authority key identifier is marked critical; RFC 5280 §4.2.1.1 requires it non-critical.'
        : null,
  },
  {
    code: 'ski-critical',
    severity: 'error',
    summary: 'The subject key identifier is not critical (RFC 5280 §4.2.1.2).',
    inPath: { reason: 'marks its subject key identifier critical', fix: 'with a non-critical subject key identifier' },
    check: ({ facts }) =>
      hasExtension(facts, OID.subjectKeyId, true)
        ? 'The subject key identifier is marked critical; RFC 5280 §4.2.1.2 requires it non-critical.'
        : null,
  },
  {
    code: 'aia-critical',
    severity: 'error',
    summary: 'Authority information access is not critical (RFC 5280 §4.2.2.1).',
    inPath: {
      reason: 'marks its authority information access critical',
      fix: 'with a non-critical authority information access',
    },
    check: ({ facts }) =>
      hasExtension(facts, AIA, true)
        ? 'Authority information access is marked critical; RFC 5280 §4.2.2.1 requires it non-critical.'
        : null,
  },
  {
    code: 'policy-constraints-not-critical',
    severity: 'error',
    summary: 'Policy constraints are critical (RFC 5280 §4.2.1.11).',
    inPath: { reason: 'has policy constraints that are not critical', fix: 'with critical policy constraints' },
    check: ({ facts }) =>
      hasExtension(facts, OID.policyConstraints, false)
        ? 'Policy constraints are not marked critical; RFC 5280 §4.2.1.11 requires it.'
        : null,
  },
  {
    code: 'issuer-empty',
    severity: 'error',
    summary: 'The issuer name is not empty (RFC 5280 §4.1.2.4).',
    inPath: { reason: 'has an empty issuer name', fix: 'by a CA with a non-empty subject name' },
    check: ({ facts }) =>
      facts.issuer.length === 0 ? 'The issuer name is empty; RFC 5280 §4.1.2.4 requires a non-empty one.' : null,
  },
  {
    code: 'san-empty',
    severity: 'error',
    summary: 'A subjectAltName extension holds at least one name (RFC 5280 §4.2.1.6).',
    inPath: { reason: 'has an empty subjectAltName', fix: 'with at least one name in subjectAltName' },
    check: ({ facts }) =>
      facts.subjectAltNames?.length === 0
        ? 'The subjectAltName extension holds no names; RFC 5280 §4.2.1.6 requires at least one.'
        : null,
  },
  {
    code: 'email-san-invalid',
    severity: 'error',
    summary: 'Email SANs are mailboxes (local@host).',
    inPath: { reason: 'has an email SAN that is not a mailbox', fix: 'with email SANs of the form name@host' },
    check: ({ facts }) => {
      const bad = (facts.subjectAltNames ?? []).find((n) => n.type === 'email' && emailProblem(n.value, false));
      return bad ? `Email SAN "${bad.value}" is not a mailbox (RFC 5280 §4.2.1.6).` : null;
    },
  },
  {
    code: 'name-constraints-on-non-ca',
    severity: 'error',
    summary: 'Only CA certificates carry name constraints (RFC 5280 §4.2.1.10).',
    inPath: {
      reason: 'carries name constraints without being a CA',
      fix: 'without name constraints (they belong in a CA)',
    },
    check: ({ facts }) =>
      facts.nameConstraints && !facts.basicConstraints?.ca
        ? 'Name constraints appear in a certificate that is not a CA; RFC 5280 §4.2.1.10 allows them only in CA certificates.'
        : null,
  },
  {
    code: 'name-constraints-not-critical',
    severity: 'error',
    summary: 'Name constraints are critical (RFC 5280 §4.2.1.10).',
    inPath: { reason: 'has name constraints that are not critical', fix: 'with the name constraints marked critical' },
    check: ({ facts }) =>
      facts.nameConstraints && !facts.nameConstraints.critical
        ? 'Name constraints are not marked critical; RFC 5280 §4.2.1.10 requires it, and a client that ignores them would accept any name.'
        : null,
  },
  {
    code: 'name-constraints-empty',
    severity: 'error',
    summary: 'Name constraints have permitted or excluded subtrees (RFC 5280 §4.2.1.10).',
    inPath: {
      reason: 'has name constraints with no subtrees',
      fix: 'with permitted or excluded subtrees in its name constraints',
    },
    check: ({ facts }) =>
      facts.nameConstraints && !facts.nameConstraints.permitted.length && !facts.nameConstraints.excluded.length
        ? 'Name constraints have neither permitted nor excluded subtrees; RFC 5280 §4.2.1.10 forbids an empty sequence.'
        : null,
  },
  {
    code: 'name-constraint-malformed',
    severity: 'error',
    summary:
      "Each name constraint has its form's syntax (DNS host name, IP address and mask, email mailbox/host/domain).",
    inPath: {
      reason: 'has a malformed name constraint',
      fix: 'with name constraints in RFC 5280 syntax (e.g. example.com, not .example.com or *.example.com)',
    },
    check: ({ facts }) => {
      const nc = facts.nameConstraints;
      if (!nc) return null;
      for (const c of [...nc.permitted, ...nc.excluded]) {
        const problem = badConstraint(c);
        if (problem) return `The ${problem} (RFC 5280 §4.2.1.10).`;
      }
      return null;
    },
  },
];
