/** Rules about names: subject, SANs and the CN (RFC 5280 §4.1.2.6, §4.2.1.6). */
import type { LintRule } from '../rule.ts';
import { CN_OID } from '../../model/names.ts';
import { OID } from '../../model/oids.ts';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** Why a DNS SAN is malformed, or null. A wildcard is allowed only as the whole left-most label. */
export function dnsNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 253) return 'has no characters or more than 253';
  if (name.endsWith('.')) return 'ends with a dot';
  const labels = name.split('.');
  for (const [i, label] of labels.entries()) {
    if (label === '*' && i === 0 && labels.length > 2) continue;
    if (label.includes('*'))
      return 'has a wildcard that is not the whole left-most label of a name with at least three labels';
    if (!LABEL.test(label)) return `has an invalid label "${label}"`;
  }
  return null;
}

export const NAME_RULES: LintRule[] = [
  {
    code: 'leaf-without-san',
    severity: 'error',
    summary: 'A leaf carries subjectAltName entries.',
    inPath: { reason: 'has no subjectAltName', fix: 'with the host names and IPs in subjectAltName' },
    check: ({ role, facts }) =>
      role === 'leaf' && !facts.subjectAltNames?.length
        ? 'The leaf has no subjectAltName: Go, Python, Node and browsers ignore the CN, so no host name or IP will match.'
        : null,
  },
  {
    code: 'empty-subject-san-not-critical',
    severity: 'error',
    summary: 'A certificate with an empty subject marks its subjectAltName critical.',
    inPath: {
      reason: 'has an empty subject without a critical subjectAltName',
      fix: 'with a subject name, or a critical subjectAltName',
    },
    check: ({ facts }) =>
      facts.subject.length === 0 && !facts.sanCritical
        ? 'The subject is empty, so subjectAltName must be present and critical (RFC 5280 §4.2.1.6).'
        : null,
  },
  {
    code: 'ca-subject-empty',
    severity: 'error',
    summary: 'A CA has a non-empty subject.',
    inPath: { reason: 'is a CA with an empty subject', fix: 'with a non-empty subject name' },
    check: ({ facts }) =>
      facts.basicConstraints?.ca && facts.subject.length === 0
        ? 'This CA has an empty subject; issuers are found by name, so RFC 5280 §4.1.2.6 requires one.'
        : null,
  },
  {
    code: 'dns-san-invalid',
    severity: 'error',
    summary: 'DNS SANs are valid host names (wildcard only as the whole left-most label).',
    inPath: {
      reason: 'has a DNS name that is not a valid host name',
      fix: 'with valid DNS names (letters, digits, hyphens; no leading dot)',
    },
    check: ({ facts }) => {
      for (const san of facts.subjectAltNames ?? []) {
        if (san.type !== 'dns') continue;
        const problem = dnsNameProblem(san.value);
        if (problem) return `DNS name "${san.value}" ${problem}.`;
      }
      return null;
    },
  },
  {
    code: 'dns-san-is-ip',
    severity: 'warning',
    summary: 'IP addresses are given as IP SANs, not DNS SANs.',
    check: ({ facts }) => {
      const ip = facts.subjectAltNames?.find((s) => s.type === 'dns' && /^[\d.]+$|:/.test(s.value));
      return ip
        ? `"${ip.value}" is an IP address written as a DNS name; TLS clients only match IPs against IP SANs.`
        : null;
    },
  },
  {
    code: 'ip-san-bad-length',
    severity: 'error',
    summary: 'IP SANs hold 4 or 16 octets.',
    inPath: {
      reason: 'has an IP SAN that is not an address',
      fix: 'with IP SANs that are single IPv4 or IPv6 addresses',
    },
    check: ({ facts }) => {
      const bad = facts.subjectAltNames?.find((s) => s.type === 'ip' && s.bytes.length !== 4 && s.bytes.length !== 16);
      return bad ? `An IP SAN holds ${bad.bytes.length} octets; an address is 4 (IPv4) or 16 (IPv6).` : null;
    },
  },
  {
    code: 'cn-not-in-san',
    severity: 'warning',
    summary: 'A server certificate whose CN looks like a host name or IP has it in the SANs too.',
    check: ({ facts }) => {
      // Client-only certificates often carry a user or node name in the CN that is no host to match.
      const server =
        !facts.extKeyUsage ||
        facts.extKeyUsage.includes(OID.serverAuth) ||
        facts.extKeyUsage.includes(OID.anyExtendedKeyUsage);
      if (!facts.subjectAltNames || !server) return null;
      const cns = facts.subject
        .flat()
        .filter((a) => a.type === CN_OID && !a.key.startsWith('#'))
        .map((a) => a.key);
      const sans = new Set(facts.subjectAltNames.map((s) => s.value.toLowerCase()));
      const missing = cns.find(
        (cn) => /^[a-z0-9*-]+(\.[a-z0-9-]+)+$|^[0-9a-f:]+:[0-9a-f:]*$/.test(cn) && !sans.has(cn),
      );
      return missing
        ? `The CN "${missing}" is not among the SANs; clients that read only SANs will not match it.`
        : null;
    },
  },
];
