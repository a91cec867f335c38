/**
 * The certificates of a report as table rows: subject, issuer, not-after, key and a validity
 * status, with a text filter and a column sort. Pure, so the view and its tests share it.
 */
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { keyDescription, shortName } from '../../pki/light/index.ts';

/**
 * From this many certificates on, Inspect shows a table instead of one card per certificate.
 * A card is about 400 px tall: a cluster's worth (a CA, a few nodes and clients, under ten) fits
 * a few screens and shows everything at once, which is what one wants for a handful; ten cards
 * are already over 4,000 px, past the point where one can scan them (a CA bundle is 144).
 */
export const TABLE_FROM = 10;

export type CertStatus = 'valid' | 'expired' | 'not-yet-valid';

export interface CertRow {
  id: string;
  /** Input order, for the unsorted view. */
  index: number;
  subject: string;
  /** The CN, or the whole subject when it has none: what the row is called. */
  name: string;
  issuer: string;
  /** ISO date-time. */
  notAfter: string;
  key: string;
  status: CertStatus;
  isCA: boolean;
  /** Lower-case text the filter searches: names, source, serial, key, SHA-256, status. */
  haystack: string;
}

export type SortKey = 'name' | 'issuer' | 'notAfter' | 'key' | 'status';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export const STATUS_WORD: Record<CertStatus, string> = {
  valid: 'valid',
  expired: 'expired',
  'not-yet-valid': 'not yet valid',
};

/** The key column in the words every surface uses ("ECDSA P-256", "RSA 2048"): key-description.ts. */
function keyText(item: InspectedItem): string {
  const s = item.summary;
  return s.kind === 'certificate' ? keyDescription(s.publicKey) : '';
}

function statusAt(notBefore: string, notAfter: string, now: Date): CertStatus {
  const t = now.getTime();
  if (t < Date.parse(notBefore)) return 'not-yet-valid';
  if (t > Date.parse(notAfter)) return 'expired';
  return 'valid';
}

/** One row per certificate item, in input order. */
export function certRows(items: readonly InspectedItem[], now: Date): CertRow[] {
  const rows: CertRow[] = [];
  for (const item of items) {
    const s = item.summary;
    if (s.kind !== 'certificate') continue;
    const status = statusAt(s.notBefore, s.notAfter, now);
    const key = keyText(item);
    rows.push({
      id: item.id,
      index: rows.length,
      subject: s.subject,
      name: shortName(s.subject) || item.title,
      issuer: s.issuer,
      notAfter: s.notAfter,
      key,
      status,
      isCA: s.isCA,
      haystack: [s.subject, s.issuer, item.source, s.serialNumber, key, s.fingerprints.sha256, STATUS_WORD[status]]
        .join('\n')
        .toLowerCase(),
    });
  }
  return rows;
}

/** Rows whose text holds every word of `text` (case-insensitive, any order). */
export function filterRows(rows: readonly CertRow[], text: string): CertRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => words.every((w) => r.haystack.includes(w)));
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Status order: what needs attention first. */
const STATUS_RANK: Record<CertStatus, number> = { expired: 0, 'not-yet-valid': 1, valid: 2 };

function compare(a: CertRow, b: CertRow, key: SortKey): number {
  if (key === 'notAfter') return Date.parse(a.notAfter) - Date.parse(b.notAfter);
  if (key === 'status') return STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (key === 'issuer') return collator.compare(shortName(a.issuer), shortName(b.issuer));
  return collator.compare(a[key], b[key]);
}

/** Rows sorted by `sort` (stable: ties keep input order); input order when there is no sort. */
export function sortRows(rows: readonly CertRow[], sort: Sort | undefined): CertRow[] {
  const out = [...rows];
  if (!sort) return out.sort((a, b) => a.index - b.index);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return out.sort((a, b) => sign * compare(a, b, sort.key) || a.index - b.index);
}

/** The next sort when a column header is pressed: ascending, then descending, on that column. */
export function nextSort(current: Sort | undefined, key: SortKey): Sort {
  return current?.key === key && current.direction === 'ascending'
    ? { key, direction: 'descending' }
    : { key, direction: 'ascending' };
}
