/** Rules about how a certificate identifies itself and its issuer: serial, SKI, AKI, version, algorithms. */
import type { LintRule } from '../rule.ts';
import { KNOWN_EXTENSIONS } from '../../model/cert-facts.ts';

/** A critical extension verifiers do not know (they must then reject the certificate). */
const isUnknown = (e: { oid: string; critical: boolean }) => e.critical && !KNOWN_EXTENSIONS.has(e.oid);

export const IDENTIFIER_RULES: LintRule[] = [
  {
    code: 'serial-not-positive',
    severity: 'error',
    summary: 'The serial number is a positive integer.',
    inPath: { reason: 'has a zero or negative serial number', fix: 'with a positive serial number' },
    check: ({ facts }) => {
      const s = facts.serial;
      const negative = ((s[0] ?? 0) & 0x80) !== 0;
      let zero = true;
      for (let i = 0; i < s.length && zero; i++) zero = s[i] === 0;
      return negative || zero
        ? 'The serial number is zero or negative; RFC 5280 §4.1.2.2 requires a positive integer.'
        : null;
    },
  },
  {
    code: 'serial-too-long',
    severity: 'error',
    summary: 'The serial number takes at most 20 octets.',
    inPath: { reason: 'has a serial number longer than 20 octets', fix: 'with a serial number of at most 20 octets' },
    check: ({ facts }) =>
      facts.serial.length > 20
        ? `The serial number takes ${facts.serial.length} octets; RFC 5280 §4.1.2.2 allows at most 20 and some verifiers reject longer ones.`
        : null,
  },
  {
    code: 'missing-ski',
    severity: 'warning',
    summary: 'The certificate carries a Subject Key Identifier (an error on CAs).',
    inPath: { reason: 'has no subject key identifier', fix: 'with a subject key identifier' },
    check: ({ facts }) =>
      facts.subjectKeyId === undefined
        ? {
            message:
              "No Subject Key Identifier: Python's VERIFY_X509_STRICT (the default since 3.13) rejects CAs without one, and chain building gets slower.",
            severity: facts.basicConstraints?.ca ? 'error' : 'warning',
          }
        : null,
  },
  {
    code: 'missing-aki',
    severity: 'error',
    summary: 'A certificate not issued by itself carries an Authority Key Identifier with a keyIdentifier.',
    inPath: { reason: 'has no authority key identifier', fix: 'with an authority key identifier' },
    check: ({ facts, selfIssued }) =>
      !selfIssued && !facts.authorityKeyId
        ? "No Authority Key Identifier (keyIdentifier): Python's VERIFY_X509_STRICT rejects the chain, and verifiers cannot tell which CA key signed it."
        : null,
  },
  {
    code: 'version-not-v3',
    severity: 'error',
    summary: 'The certificate is X.509 version 3.',
    inPath: { reason: 'is not an X.509 v3 certificate', fix: 'as an X.509 v3 certificate' },
    check: ({ facts }) =>
      facts.version !== 3
        ? `This is an X.509 v${facts.version} certificate; without v3 extensions nothing says whether it is a CA or what it may be used for.`
        : null,
  },
  {
    code: 'signature-algorithm-mismatch',
    severity: 'error',
    summary: 'The outer signatureAlgorithm equals the one inside the signed part.',
    inPath: {
      reason: 'names two different signature algorithms',
      fix: 'with one signature algorithm inside and outside the signed part',
    },
    check: ({ facts }) =>
      facts.signatureOid !== facts.tbsSignatureOid
        ? 'The signature algorithm outside the signed part differs from the one inside it (RFC 5280 §4.1.1.2).'
        : null,
  },
  {
    code: 'duplicate-extension',
    severity: 'error',
    summary: 'Each extension appears at most once.',
    inPath: { reason: 'has the same extension twice', fix: 'with each extension once' },
    check: ({ facts }) => {
      // The first extension whose OID came before it; a nested loop, as a certificate has a handful.
      const all = facts.extensions;
      for (let i = 1; i < all.length; i++)
        for (let j = 0; j < i; j++)
          if (all[j]?.oid === all[i]?.oid) return `Extension ${all[i]?.oid} appears more than once (RFC 5280 §4.2).`;
      return null;
    },
  },
  {
    code: 'unknown-critical-extension',
    severity: 'error',
    summary: 'Every critical extension is one that verifiers know.',
    check: ({ facts }) => {
      if (!facts.extensions.some(isUnknown)) return null;
      const unknown = facts.extensions.filter(isUnknown).map((e) => e.oid);
      return unknown.length
        ? `Critical extension ${unknown.join(', ')} is unknown to verifiers, which must then reject the certificate.`
        : null;
    },
  },
  {
    code: 'undecodable-extension',
    severity: 'error',
    summary: 'Every known extension decodes.',
    inPath: { reason: 'has an extension that does not decode', fix: 'with well-formed extensions' },
    check: ({ facts }) =>
      facts.undecodable.length
        ? `Extension ${facts.undecodable.join(', ')} does not decode as its RFC 5280 syntax.`
        : null,
  },
];
