/**
 * Validity in words: days left, expired or not yet valid, as a tree node and as findings.
 * Both bounds are inclusive (RFC 5280 §4.1.2.5).
 */
import type { Finding } from '../findings.ts';
import type { TimeValue } from '../asn1/values.ts';
import { node, type TreeNode } from './tree.ts';

const DAY = 86_400_000;

export type ValidityState = 'valid' | 'expired' | 'not-yet-valid' | 'unknown';

export function validityState(notBefore: TimeValue, notAfter: TimeValue, now: Date): ValidityState {
  if (!notBefore.date || !notAfter.date) return 'unknown';
  // getTime(), not the Dates: comparing Date objects converts each through valueOf per call.
  const at = now.getTime();
  if (at < notBefore.date.getTime()) return 'not-yet-valid';
  if (at > notAfter.date.getTime()) return 'expired';
  return 'valid';
}

/** ISO 8601 UTC without milliseconds ("2025-01-01T00:00:00Z"), or the raw text when not a date. */
export function isoTime(t: TimeValue): string {
  if (!t.date) return t.text;
  const iso = t.date.toISOString();
  // Certificate times are whole seconds: the milliseconds are cut without a regular expression per call.
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function timeNode(label: string, t: TimeValue): TreeNode {
  return node(
    label,
    isoTime(t),
    undefined,
    t.date ? (t.strict ? undefined : `encoded as "${t.text}", not as RFC 5280 requires`) : 'not a valid time',
  );
}

export function validityNode(notBefore: TimeValue, notAfter: TimeValue, now: Date): TreeNode {
  const state = validityState(notBefore, notAfter, now);
  let summary: string;
  if (state === 'expired' && notAfter.date)
    summary = `expired ${Math.floor((now.getTime() - notAfter.date.getTime()) / DAY)} days ago`;
  else if (state === 'not-yet-valid' && notBefore.date)
    summary = `not valid for another ${Math.ceil((notBefore.date.getTime() - now.getTime()) / DAY)} days`;
  else if (state === 'valid' && notAfter.date)
    summary = `${Math.floor((notAfter.date.getTime() - now.getTime()) / DAY)} days left`;
  else summary = 'unreadable dates';
  return node('Validity', summary, [timeNode('Not before', notBefore), timeNode('Not after', notAfter)]);
}

/** 'expired' / 'not-yet-valid' findings at `now`. */
export function validityFindings(notBefore: TimeValue, notAfter: TimeValue, now: Date): Finding[] {
  const state = validityState(notBefore, notAfter, now);
  if (state === 'expired')
    return [{ code: 'expired', severity: 'error', message: `The certificate expired on ${isoTime(notAfter)}.` }];
  if (state === 'not-yet-valid')
    return [
      {
        code: 'not-yet-valid',
        severity: 'error',
        message: `The certificate is not valid before ${isoTime(notBefore)}.`,
      },
    ];
  if (state === 'unknown')
    return [{ code: 'bad-validity', severity: 'error', message: "The certificate's validity dates cannot be read." }];
  return [];
}
