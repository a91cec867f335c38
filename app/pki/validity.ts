/**
 * Validity windows. notBefore is set a few minutes in the past so a peer whose clock runs a
 * little behind still accepts a certificate issued a moment ago; a certificate never outlives
 * its issuer (clamped with a note, or refused when the caller asks for strictness).
 */
import { PkiError } from './errors.ts';

/** How far notBefore is set back, for clock skew between machines. */
export const BACKDATE_MS = 5 * 60 * 1000;
/** The longest validity accepted, in days (100 years). */
export const MAX_DAYS = 36_500;
const DAY_MS = 86_400_000;

/**
 * The first and last instants an X.509 Time can say (RFC 5280 §4.1.2.5): UTCTime's two-digit years
 * 50-99 are 1950-1999, and GeneralizedTime has four digits. Outside them a certificate's dates
 * would be read as another century, or not at all.
 */
export const EARLIEST_X509_TIME = new Date(Date.UTC(1950, 0, 1));
export const LATEST_X509_TIME = new Date(Date.UTC(9999, 11, 31, 23, 59, 59));

export interface ValidityRequest {
  /** Whole days from notBefore to notAfter, 1..36500. */
  days: number;
  /** Start; defaults to now minus BACKDATE_MS. ISO text or a Date. */
  notBefore?: string | Date;
  /** The issuer's window, when there is an issuer. */
  issuer?: { notBefore: Date; notAfter: Date };
  /** What to do when the window would outlive the issuer: clamp with a note (default) or refuse. */
  onOutlive?: 'clamp' | 'error';
  /** "now", for tests. */
  now?: Date;
}

export interface ValidityWindow {
  notBefore: Date;
  notAfter: Date;
  /** Sentences for the user about what was adjusted. */
  notes: string[];
}

/** X.509 times have whole seconds; drop the milliseconds so what we sign is what we say. */
function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** Check the days field: a whole number from 1 to MAX_DAYS. */
export function checkDays(days: unknown, field = 'days'): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new PkiError(
      'invalid-validity',
      field,
      `Validity must be a whole number of days from 1 to ${MAX_DAYS}, got ${String(days)}.`,
    );
  }
  return days;
}

function parseDate(v: string | Date, field: string): Date {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw new PkiError('invalid-validity', field, `"${String(v)}" is not a date.`);
  return d;
}

/** Work out notBefore/notAfter for a request, clamped to the issuer. */
export function validityWindow(req: ValidityRequest): ValidityWindow {
  const days = checkDays(req.days);
  const notes: string[] = [];
  const now = req.now ?? new Date();
  let notBefore = wholeSeconds(
    req.notBefore !== undefined ? parseDate(req.notBefore, 'notBefore') : new Date(now.getTime() - BACKDATE_MS),
  );
  let notAfter = new Date(notBefore.getTime() + days * DAY_MS);
  const issuer = req.issuer;
  if (issuer) {
    if (issuer.notAfter.getTime() <= now.getTime()) {
      throw new PkiError(
        'outlives-issuer',
        'issuer',
        `The issuing CA expired on ${issuer.notAfter.toISOString()}; renew it before issuing.`,
      );
    }
    if (notBefore.getTime() < issuer.notBefore.getTime()) notBefore = wholeSeconds(issuer.notBefore);
    if (notAfter.getTime() > issuer.notAfter.getTime()) {
      const message = `A certificate cannot outlive its issuer: ${days} days would end on ${notAfter.toISOString().slice(0, 10)}, after the CA's ${issuer.notAfter.toISOString().slice(0, 10)}.`;
      if (req.onOutlive === 'error') throw new PkiError('outlives-issuer', 'days', message);
      notAfter = wholeSeconds(issuer.notAfter);
      notes.push(`Validity shortened to end with the issuing CA on ${notAfter.toISOString()} (${days} days asked).`);
    }
  }
  checkX509Times(notBefore, notAfter);
  return { notBefore, notAfter, notes };
}

/** Refuse a window an X.509 Time cannot say, naming the field that put it there. */
function checkX509Times(notBefore: Date, notAfter: Date): void {
  if (notBefore.getTime() < EARLIEST_X509_TIME.getTime()) {
    throw new PkiError(
      'invalid-validity',
      'notBefore',
      `A certificate cannot start before 1950 (X.509 times, RFC 5280 §4.1.2.5, cannot say an earlier year: 1949 would be read as 2049), got ${notBefore.toISOString()}.`,
    );
  }
  if (notAfter.getTime() > LATEST_X509_TIME.getTime()) {
    const startTooLate = notBefore.getTime() > LATEST_X509_TIME.getTime();
    throw new PkiError(
      'invalid-validity',
      startTooLate ? 'notBefore' : 'days',
      `A certificate cannot end after 9999-12-31T23:59:59Z (the last date an X.509 time can say), and this one would end on ${notAfter.toISOString()}.`,
    );
  }
}
