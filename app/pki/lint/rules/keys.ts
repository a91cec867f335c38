/** Rules about the key and the signature algorithm. */
import type { LintRule } from '../rule.ts';
import type { KeyUsageName } from '../../model/cert-facts.ts';

const SHA1_SIGNATURES = new Set(['1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.2.840.10040.4.3', '1.3.14.3.2.29']);
const BROKEN_SIGNATURES = new Set(['1.2.840.113549.1.1.4', '1.2.840.113549.1.1.2', '1.2.840.113549.1.1.3']);
const SUPPORTED_CURVES = new Set(['P-256', 'P-384', 'P-521']);

/** True when the signature algorithm OID uses SHA-1. */
export function isSha1Signature(oid: string): boolean {
  return SHA1_SIGNATURES.has(oid);
}

/** keyUsage bits a kind of key cannot do, in the order the finding names them. */
const CANNOT_ASSERT: Partial<Record<string, readonly KeyUsageName[]>> = {
  ec: ['keyEncipherment', 'dataEncipherment'],
  ed25519: ['keyEncipherment', 'dataEncipherment', 'keyAgreement'],
  ed448: ['keyEncipherment', 'dataEncipherment', 'keyAgreement'],
  rsa: ['keyAgreement'],
  // RFC 9881 §5: an ML-DSA key signs only (digitalSignature, nonRepudiation, keyCertSign, cRLSign).
  'ml-dsa': ['keyEncipherment', 'dataEncipherment', 'keyAgreement', 'encipherOnly', 'decipherOnly'],
};

export const KEY_RULES: LintRule[] = [
  {
    code: 'rsa-too-small',
    severity: 'error',
    summary: 'RSA keys have at least 2048 bits.',
    check: ({ facts }) =>
      facts.key.kind === 'rsa' && facts.key.bits < 2048
        ? `The RSA key has ${facts.key.bits} bits; OpenSSL at security level 2 (Debian, Ubuntu, RHEL defaults) refuses keys under 2048.`
        : null,
  },
  {
    code: 'sha1-signature',
    severity: 'error',
    summary: 'The signature does not use SHA-1.',
    check: ({ facts, selfIssued }) =>
      isSha1Signature(facts.signatureOid)
        ? {
            // A self-signed root's own signature is never checked by verifiers, so SHA-1 there is harmless.
            message:
              'The certificate is signed with SHA-1, which OpenSSL 3 at security level 1 and above and current Java reject.',
            severity: selfIssued && facts.basicConstraints?.ca ? 'info' : 'error',
          }
        : null,
  },
  {
    code: 'broken-signature-algorithm',
    severity: 'error',
    summary: 'The signature does not use MD2 or MD5.',
    check: ({ facts }) =>
      BROKEN_SIGNATURES.has(facts.signatureOid)
        ? 'The certificate is signed with MD5 or MD2, which no current TLS stack accepts.'
        : null,
  },
  {
    code: 'ec-curve-unsupported',
    severity: 'error',
    summary: 'EC keys use P-256, P-384 or P-521.',
    check: ({ facts }) =>
      facts.key.kind === 'ec' && !SUPPORTED_CURVES.has(facts.key.curve ?? '')
        ? `The EC key is on curve ${facts.key.curve ?? '(none)'}; TLS stacks and browsers support P-256, P-384 and P-521.`
        : null,
  },
  {
    code: 'dsa-key',
    severity: 'error',
    summary: 'The key is not DSA.',
    check: ({ facts }) =>
      facts.key.kind === 'dsa' ? 'DSA keys are not supported by TLS 1.3, WebCrypto or current OpenSSL defaults.' : null,
  },
  {
    code: 'key-usage-wrong-for-key-type',
    severity: 'error',
    summary:
      'keyUsage bits fit the key type (no encipherment on EC or EdDSA keys, no keyAgreement on RSA or EdDSA, signing bits only on ML-DSA).',
    check: ({ facts }) => {
      const u = facts.keyUsage?.usages;
      if (!u) return null;
      const kind = facts.key.kind;
      // The list is made only for a key that asserts one (every certificate Inspect reads is linted).
      let bad: string[] | undefined;
      for (const b of CANNOT_ASSERT[kind] ?? []) if (u.has(b)) (bad ??= []).push(b);
      return bad
        ? `keyUsage asserts ${bad.join(' and ')}, which a ${kind.toUpperCase()} key cannot do; some TLS stacks (Go, BoringSSL) refuse such a certificate.`
        : null;
    },
  },
];
