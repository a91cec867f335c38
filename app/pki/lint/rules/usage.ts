/** Rules about what the key may be used for: keyUsage and extendedKeyUsage together (RFC 5280 §4.2.1.12). */
import type { LintRule } from '../rule.ts';
import type { KeyUsageName } from '../../model/cert-facts.ts';
import { OID } from '../../model/oids.ts';

/** Key usage bits that make each TLS EKU possible (RFC 5280 §4.2.1.12 notes). */
const EKU_NEEDS: Record<string, { name: string; any: KeyUsageName[] }> = {
  [OID.serverAuth]: { name: 'serverAuth', any: ['digitalSignature', 'keyEncipherment', 'keyAgreement'] },
  [OID.clientAuth]: { name: 'clientAuth', any: ['digitalSignature', 'keyAgreement'] },
};

export const USAGE_RULES: LintRule[] = [
  {
    code: 'eku-inconsistent-with-ku',
    severity: 'error',
    summary: 'Every TLS EKU is backed by a keyUsage bit that allows it.',
    check: ({ facts }) => {
      const usages = facts.keyUsage?.usages;
      if (!usages || !facts.extKeyUsage) return null;
      const lacking = facts.extKeyUsage
        .map((oid) => EKU_NEEDS[oid])
        .filter((need) => need !== undefined && !need.any.some((u) => usages.has(u)))
        .map((need) => need?.name ?? '');
      return lacking.length
        ? `extendedKeyUsage says ${lacking.join(' and ')} but keyUsage allows none of the operations that needs (digitalSignature, keyEncipherment or keyAgreement).`
        : null;
    },
  },
  {
    code: 'leaf-missing-eku',
    severity: 'warning',
    summary: 'A leaf states its extendedKeyUsage (serverAuth, clientAuth or both).',
    inPath: { reason: 'has no extendedKeyUsage', fix: 'with extendedKeyUsage serverAuth and/or clientAuth' },
    check: ({ role, facts }) =>
      role === 'leaf' && !facts.extKeyUsage
        ? 'The leaf has no extendedKeyUsage; say serverAuth and/or clientAuth so it cannot be used for anything else.'
        : null,
  },
  {
    code: 'leaf-eku-any',
    severity: 'warning',
    summary: 'A leaf does not assert anyExtendedKeyUsage.',
    check: ({ role, facts }) =>
      role === 'leaf' && facts.extKeyUsage?.includes(OID.anyExtendedKeyUsage)
        ? 'The leaf asserts anyExtendedKeyUsage; name the purposes (serverAuth, clientAuth) instead.'
        : null,
  },
  {
    code: 'leaf-missing-key-usage',
    severity: 'warning',
    summary: 'A leaf carries keyUsage.',
    check: ({ role, facts }) =>
      role === 'leaf' && !facts.keyUsage
        ? 'The leaf has no keyUsage extension; give it digitalSignature (and keyEncipherment for RSA).'
        : null,
  },
  {
    code: 'leaf-cannot-sign',
    severity: 'error',
    summary: 'A leaf with keyUsage allows digitalSignature (TLS 1.3 authenticates by signing).',
    inPath: {
      reason: 'has a keyUsage without digitalSignature, which TLS 1.3 needs',
      fix: 'with keyUsage digitalSignature',
    },
    check: ({ role, facts }) =>
      role === 'leaf' && facts.keyUsage && !facts.keyUsage.usages.has('digitalSignature')
        ? "The leaf's keyUsage lacks digitalSignature; TLS 1.3 and every ECDHE handshake need the key to sign, so the handshake fails."
        : null,
  },
];
