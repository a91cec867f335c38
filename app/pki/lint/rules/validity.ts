/** Rules about the validity period and its encoding (RFC 5280 §4.1.2.5). */
import type { LintRule } from '../rule.ts';
import type { TimeFacts } from '../../model/cert-facts.ts';

function wrongEncoding(t: TimeFacts): boolean {
  const year = t.date.getUTCFullYear();
  return year < 2050 ? t.encoding !== 'utc' : t.encoding !== 'generalized';
}

const DAY = 86_400_000;

export const VALIDITY_RULES: LintRule[] = [
  {
    code: 'validity-time-encoding',
    severity: 'error',
    summary: 'Dates through 2049 are UTCTime, dates from 2050 GeneralizedTime.',
    check: ({ facts }) => {
      const before = wrongEncoding(facts.notBefore);
      const after = wrongEncoding(facts.notAfter);
      if (!before && !after) return null;
      const bad = [before ? 'notBefore' : '', after ? 'notAfter' : ''].filter(Boolean);
      return bad.length
        ? `${bad.join(' and ')} use the wrong time type: RFC 5280 §4.1.2.5 requires UTCTime through 2049 and GeneralizedTime from 2050.`
        : null;
    },
  },
  {
    code: 'validity-inverted',
    severity: 'error',
    summary: 'notAfter is not before notBefore.',
    check: ({ facts }) =>
      facts.notAfter.date.getTime() < facts.notBefore.date.getTime()
        ? 'notAfter is before notBefore: the certificate is never valid.'
        : null,
  },
  {
    code: 'leaf-validity-long',
    severity: 'info',
    summary: 'Leaf certificates live at most 825 days (long-lived leaves make key compromise last).',
    check: ({ facts, role }) => {
      const days = Math.round((facts.notAfter.date.getTime() - facts.notBefore.date.getTime()) / DAY);
      return role === 'leaf' && days > 825
        ? `The leaf is valid for ${days} days; Apple clients reject TLS server certificates valid for more than 825 days.`
        : null;
    },
  },
];
