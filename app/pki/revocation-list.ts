/**
 * What a CA remembers about revocation: the certificates it has revoked, with a reason, and the
 * number of the last CRL it issued. Plain JSON, so the CLI keeps it beside ca.crt (revoked.json)
 * and the browser in the workspace; `issueCrl` (crl.ts) turns it into a signed CRL.
 *
 * The file, version 1:
 *   { "format": "certbench-revocations/1", "crlNumber": 2,
 *     "revoked": [{ "serial": "4f1c…", "subject": "CN=client-1", "revokedAt": "2026-12-05T07:30:00.000Z",
 *                   "reason": "keyCompromise" }] }
 * `serial` is lower-case hex without leading zero bytes; `crlNumber` is the number of the last CRL
 * issued (0 before the first).
 */
import { PkiError } from './errors.ts';

/** RFC 5280 §5.3.1 CRLReason names and codes, the subset a CA operator picks from (no hold, no AA). */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  caCompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

export const REVOCATION_LIST_FORMAT = 'certbench-revocations/1';

export interface RevokedCertificate {
  /** Lower-case hex, no leading zero bytes (as @peculiar/x509 prints serials). */
  serial: string;
  /** The certificate's subject (RFC 4514 text), for people reading the file. */
  subject: string;
  /** ISO date of the revocation. */
  revokedAt: string;
  reason: RevocationReason;
}

export interface RevocationList {
  format: typeof REVOCATION_LIST_FORMAT;
  /** Number of the last CRL issued; 0 before the first. */
  crlNumber: number;
  revoked: RevokedCertificate[];
}

export function emptyRevocationList(): RevocationList {
  return { format: REVOCATION_LIST_FORMAT, crlNumber: 0, revoked: [] };
}

export function isRevocationReason(value: string): value is RevocationReason {
  return Object.hasOwn(REVOCATION_REASONS, value);
}

/** A reason from user input; the error names the field and lists the choices. */
export function checkReason(value: string, field = 'reason'): RevocationReason {
  if (!isRevocationReason(value)) {
    throw new PkiError(
      'invalid-argument',
      field,
      `"${value}" is not a revocation reason; choose one of ${Object.keys(REVOCATION_REASONS).join(', ')}.`,
    );
  }
  return value;
}

/** Serial hex as stored: lower case, leading zero bytes dropped (DER keeps a 00 only for the sign). */
export function normalizeSerial(hex: string, field = 'serial'): string {
  const clean = hex.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(clean))
    throw new PkiError('invalid-argument', field, `"${hex}" is not a hexadecimal serial number.`);
  const even = clean.length % 2 ? `0${clean}` : clean;
  return even.replace(/^(00)+(?=..)/, '');
}

/**
 * The list with one more revocation. Revoking a serial twice is an error on 'cert' (its first
 * revocation and reason stand; a CRL entry cannot change reason in place).
 */
export function addRevocation(list: RevocationList, entry: RevokedCertificate): RevocationList {
  const serial = normalizeSerial(entry.serial);
  const earlier = list.revoked.find((r) => r.serial === serial);
  if (earlier) {
    throw new PkiError(
      'exists',
      'cert',
      `Serial ${serial} (${earlier.subject}) was already revoked on ${earlier.revokedAt} (${earlier.reason}).`,
    );
  }
  return { ...list, revoked: [...list.revoked, { ...entry, serial, reason: checkReason(entry.reason) }] };
}

/** Is this serial on the list? */
export function isRevoked(list: RevocationList, serialHex: string): boolean {
  const serial = normalizeSerial(serialHex);
  return list.revoked.some((r) => r.serial === serial);
}

function field(path: string, message: string): PkiError {
  return new PkiError('invalid-argument', path, message);
}

/** Read a revocation list from its JSON text; errors name the member at fault ("revoked[2].reason"). */
export function parseRevocationList(text: string): RevocationList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PkiError('invalid-argument', 'revocations', 'The revocation list is not JSON.', { cause: e });
  }
  if (typeof data !== 'object' || data === null)
    throw field('revocations', 'The revocation list must be a JSON object.');
  const o = data as Record<string, unknown>;
  if (o.format !== REVOCATION_LIST_FORMAT)
    throw field('format', `Expected "format": "${REVOCATION_LIST_FORMAT}", got ${JSON.stringify(o.format)}.`);
  if (typeof o.crlNumber !== 'number' || !Number.isSafeInteger(o.crlNumber) || o.crlNumber < 0) {
    throw field('crlNumber', `crlNumber must be a whole number from 0, got ${JSON.stringify(o.crlNumber)}.`);
  }
  if (!Array.isArray(o.revoked)) throw field('revoked', 'revoked must be a list.');
  let list: RevocationList = { format: REVOCATION_LIST_FORMAT, crlNumber: o.crlNumber, revoked: [] };
  o.revoked.forEach((raw: unknown, i) => {
    const at = `revoked[${i}]`;
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    for (const key of ['serial', 'subject', 'revokedAt', 'reason'] as const) {
      if (typeof r[key] !== 'string') throw field(`${at}.${key}`, `${at}.${key} must be text.`);
    }
    const revokedAt = r.revokedAt as string;
    if (Number.isNaN(Date.parse(revokedAt))) throw field(`${at}.revokedAt`, `"${revokedAt}" is not a date.`);
    const serial = normalizeSerial(r.serial as string, `${at}.serial`);
    if (isRevoked(list, serial)) throw field(`${at}.serial`, `Serial ${serial} is listed twice.`);
    list = addRevocation(list, {
      serial,
      subject: r.subject as string,
      revokedAt,
      reason: checkReason(r.reason as string, `${at}.reason`),
    });
  });
  return list;
}

/** The JSON text of a list, as the CLI writes revoked.json. */
export function formatRevocationList(list: RevocationList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}
