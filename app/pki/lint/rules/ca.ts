/** Rules for certificate authorities (RFC 5280 §4.2.1.3, §4.2.1.9) and for what only CAs may carry. */
import type { LintRule } from '../rule.ts';

export const CA_RULES: LintRule[] = [
  {
    code: 'ca-not-marked-ca',
    severity: 'error',
    summary: 'A certificate used as a CA has basicConstraints with cA true.',
    inPath: {
      reason: 'is used as a CA but its basicConstraints does not say cA=TRUE',
      fix: 'with basicConstraints cA=TRUE, marked critical',
    },
    check: ({ role, facts }) =>
      role === 'ca' && !facts.basicConstraints?.ca
        ? 'This certificate is meant to be a CA but its basicConstraints does not say cA=TRUE, so verifiers will refuse anything it signs.'
        : null,
  },
  {
    code: 'ca-basic-constraints-not-critical',
    severity: 'error',
    summary: 'A CA marks basicConstraints critical.',
    inPath: {
      reason: 'has a basicConstraints extension that is not marked critical',
      fix: 'with basicConstraints marked critical',
    },
    check: ({ facts }) =>
      facts.basicConstraints?.ca && !facts.basicConstraints.critical
        ? 'basicConstraints of a CA must be marked critical (RFC 5280 §4.2.1.9).'
        : null,
  },
  {
    code: 'ca-missing-key-usage',
    severity: 'error',
    summary: 'A CA carries a keyUsage extension.',
    inPath: { reason: 'is a CA without a keyUsage extension', fix: 'with keyUsage keyCertSign, cRLSign' },
    check: ({ facts }) =>
      facts.basicConstraints?.ca && !facts.keyUsage
        ? 'This CA has no keyUsage extension; RFC 5280 §4.2.1.3 requires one with keyCertSign.'
        : null,
  },
  {
    code: 'ca-missing-key-cert-sign',
    severity: 'error',
    summary: 'A CA with keyUsage asserts keyCertSign.',
    inPath: { reason: 'is a CA whose keyUsage lacks keyCertSign', fix: 'with keyUsage keyCertSign' },
    check: ({ facts }) =>
      facts.basicConstraints?.ca && facts.keyUsage && !facts.keyUsage.usages.has('keyCertSign')
        ? "This CA's keyUsage lacks keyCertSign, so certificates it signs will not verify."
        : null,
  },
  {
    code: 'ca-key-usage-not-critical',
    severity: 'warning',
    summary: 'A CA marks keyUsage critical.',
    check: ({ facts }) =>
      facts.basicConstraints?.ca && facts.keyUsage && !facts.keyUsage.critical
        ? 'keyUsage of a CA should be marked critical (RFC 5280 §4.2.1.3).'
        : null,
  },
  {
    code: 'key-cert-sign-on-non-ca',
    severity: 'error',
    summary: 'Only CAs assert keyCertSign.',
    inPath: { reason: 'asserts keyCertSign without being a CA', fix: 'without keyCertSign (or as a CA)' },
    check: ({ facts }) =>
      facts.keyUsage?.usages.has('keyCertSign') && !facts.basicConstraints?.ca
        ? 'keyUsage asserts keyCertSign but basicConstraints does not make this a CA (RFC 5280 §4.2.1.3).'
        : null,
  },
  {
    code: 'path-len-on-non-ca',
    severity: 'error',
    summary: 'pathLenConstraint appears only when cA is true.',
    inPath: { reason: 'sets a path length without being a CA', fix: 'without pathLenConstraint' },
    check: ({ facts }) =>
      facts.basicConstraints && !facts.basicConstraints.ca && facts.basicConstraints.pathLen !== undefined
        ? 'basicConstraints sets a path length on a certificate that is not a CA (RFC 5280 §4.2.1.9).'
        : null,
  },
  {
    code: 'leaf-is-ca',
    severity: 'warning',
    summary: 'A leaf (end-entity) certificate is not a CA.',
    inPath: { reason: 'is a CA certificate used as a leaf', fix: 'as an end-entity certificate (cA=FALSE)' },
    check: ({ role, facts }) =>
      role === 'leaf' && facts.basicConstraints?.ca
        ? 'This certificate is used as a leaf but says cA=TRUE; a node or client key should not be able to sign certificates.'
        : null,
  },
];
