// Times as the summary and the tree write them, and validity at an instant: rows over the edges
// (whole seconds, fractions, GeneralizedTime past 9999, an unreadable time, each bound inclusive).
import { describe, expect, it } from 'vitest';
import type { TimeValue } from '../asn1/values.ts';
import { isoTime, validityState } from './validity.ts';

const at = (iso: string): TimeValue => ({ date: new Date(iso), text: iso, encoding: 'generalized', strict: true });
const unreadable: TimeValue = { date: null, text: '991399', encoding: 'utc', strict: false };

const times: { name: string; input: TimeValue; want: string }[] = [
  { name: 'whole seconds lose the milliseconds', input: at('2025-01-01T00:00:00.000Z'), want: '2025-01-01T00:00:00Z' },
  { name: 'a fraction is kept', input: at('2025-01-01T00:00:00.250Z'), want: '2025-01-01T00:00:00.250Z' },
  { name: 'a year past 9999', input: at('+010000-01-01T00:00:00.000Z'), want: '+010000-01-01T00:00:00Z' },
  { name: 'an unreadable time is its text', input: unreadable, want: '991399' },
];

describe('isoTime', () => {
  for (const row of times) it(row.name, () => expect(isoTime(row.input)).toBe(row.want));
});

const nb = at('2025-01-01T00:00:00Z');
const na = at('2026-01-01T00:00:00Z');
const states: { name: string; now: string; notBefore?: TimeValue; want: string }[] = [
  { name: 'before notBefore', now: '2024-12-31T23:59:59Z', want: 'not-yet-valid' },
  { name: 'at notBefore (inclusive)', now: '2025-01-01T00:00:00Z', want: 'valid' },
  { name: 'at notAfter (inclusive)', now: '2026-01-01T00:00:00Z', want: 'valid' },
  { name: 'after notAfter', now: '2026-01-01T00:00:01Z', want: 'expired' },
  { name: 'an unreadable bound', now: '2025-06-01T00:00:00Z', notBefore: unreadable, want: 'unknown' },
];

describe('validityState', () => {
  for (const row of states)
    it(row.name, () => expect(validityState(row.notBefore ?? nb, na, new Date(row.now))).toBe(row.want));
});
