/**
 * Why a report has no chain to judge, in the page's words: nothing could be read at all (garbage, a
 * PKCS#12 without its password or with the wrong one), there is no certificate, or every certificate
 * is a CA. The inputs a password would open are named, so the page can point to the Password field.
 */
import type { InspectedItem } from '../../flows/inspect-report.ts';

export interface NoChainReason {
  /** No input gave a certificate, key, request or revocation list. */
  nothingRead: boolean;
  /** Inputs that stayed closed for want of the right password (reader code wrong-password), by name. */
  locked: string[];
  /** Something was read, but no certificate: there is nothing to chain. */
  noCertificate: boolean;
}

export function noChainReason(items: readonly InspectedItem[]): NoChainReason {
  const read = items.filter((i) => i.kind !== 'error');
  const locked = items
    .filter((i) => i.summary.kind === 'error' && i.summary.code === 'wrong-password')
    .map((i) => i.source);
  return {
    nothingRead: read.length === 0,
    locked: [...new Set(locked)],
    noCertificate: read.length > 0 && !read.some((i) => i.kind === 'certificate'),
  };
}

/** Which inputs stay closed, and why: "a.p12 is locked with a password" or "the password given does not open a.p12". */
export function lockedText(locked: readonly string[], passwordGiven: boolean): string {
  const names = locked.join(', ');
  return passwordGiven
    ? `the password given does not open ${names}`
    : `${names} ${locked.length === 1 ? 'is' : 'are'} locked with a password`;
}

/** The sentence that says why nothing could be read, without the pointer to the Password field. */
export function nothingReadText(locked: readonly string[], passwordGiven: boolean): string {
  if (locked.length === 0) {
    return 'Nothing could be read: no input is a certificate, key, signing request or revocation list that certbench recognises. Each input says why below.';
  }
  return `Nothing could be read: ${lockedText(locked, passwordGiven)}.`;
}
