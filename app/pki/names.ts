/**
 * Subject distinguished names: the fields people fill in (CN required; O, OU, C, ST, L
 * optional), checked against RFC 5280's upper bounds, and turned into an X.509 Name.
 */
import { Name } from '@peculiar/x509';
import { PkiError } from './errors.ts';
import { isPrintableString } from './printable-string.ts';

export interface SubjectFields {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** Two-letter ISO 3166 code. */
  country?: string;
  state?: string;
  locality?: string;
}

/** Attribute type, short name and upper bound (RFC 5280 Appendix A "ub-*"), in DN order. */
const ATTRIBUTES: readonly { key: keyof SubjectFields; short: string; label: string; max: number }[] = [
  // Country length is checked as a two-letter code below, with a clearer message.
  { key: 'country', short: 'C', label: 'Country', max: 2 },
  { key: 'state', short: 'ST', label: 'State or province', max: 128 },
  { key: 'locality', short: 'L', label: 'Locality', max: 128 },
  { key: 'organization', short: 'O', label: 'Organization', max: 64 },
  { key: 'organizationalUnit', short: 'OU', label: 'Organizational unit', max: 64 },
  { key: 'commonName', short: 'CN', label: 'Common name', max: 64 },
];

/** A UTF-16 surrogate that is not half of a pair (String.prototype.isWellFormed's test, ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Trimmed, validated fields: CN present, lengths within bounds, no control or broken characters, C two letters. */
export function checkSubject(fields: SubjectFields): SubjectFields {
  const out: SubjectFields = { commonName: '' };
  for (const a of ATTRIBUTES) {
    const raw = fields[a.key];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') throw new PkiError('invalid-name', a.key, `${a.label} must be text.`);
    const v = raw.trim();
    if (!v) continue;
    if (a.key !== 'country' && [...v].length > a.max)
      throw new PkiError('invalid-name', a.key, `${a.label} is limited to ${a.max} characters, got ${[...v].length}.`);
    if ([...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
      throw new PkiError('invalid-name', a.key, `${a.label} contains a control character.`);
    // Half a surrogate pair has no UTF-8 form: TextEncoder would write U+FFFD, @peculiar/x509 throws a URIError.
    if (LONE_SURROGATE.test(v))
      throw new PkiError(
        'invalid-name',
        a.key,
        `${a.label} contains a broken character (half of a UTF-16 surrogate pair, e.g. a cut emoji).`,
      );
    out[a.key] = a.key === 'country' ? v.toUpperCase() : v;
  }
  if (!out.commonName) throw new PkiError('invalid-name', 'commonName', 'A common name (CN) is required.');
  if (out.country !== undefined && !/^[A-Z]{2}$/.test(out.country)) {
    throw new PkiError(
      'invalid-name',
      'country',
      `Country must be a two-letter code such as "DE", got "${out.country}".`,
    );
  }
  return out;
}

export { isPrintableString };

/**
 * The X.509 Name of checked fields, most significant first (C, ST, L, O, OU, CN). Values are
 * PrintableString when they can be (always for C, RFC 5280 §4.1.2.4 compatibility) and
 * UTF8String otherwise. They are given to @peculiar/x509 as typed objects so its string
 * conventions ("#" = hex, quotes, backslash escapes) never rewrite what the user typed.
 */
export function subjectName(fields: SubjectFields): Name {
  const f = checkSubject(fields);
  const rdns: Record<string, { printableString?: string; utf8String?: string }[]>[] = [];
  for (const a of ATTRIBUTES) {
    const v = f[a.key];
    if (v) rdns.push({ [a.short]: [isPrintableString(v) ? { printableString: v } : { utf8String: v }] });
  }
  return new Name(rdns);
}
