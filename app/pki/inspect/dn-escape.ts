/** RFC 4514 escaping of one attribute value, as Python cryptography writes it (name-text.ts). */

/** A character that escapeDnValue escapes wherever it is. */
const ESCAPED_ANYWHERE = /[\\"+,;<>\0]/;

/** RFC 4514 value escaping as cryptography's `_escape_dn_value` does it. */
export function escapeDnValue(value: string): string {
  if (!value) return '';
  // Most values need nothing: one test instead of eight replacements (names are on Inspect's hot path).
  if (!ESCAPED_ANYWHERE.test(value) && !value.startsWith('#') && !value.startsWith(' ') && !value.endsWith(' '))
    return value;
  let v = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\+/g, '\\+')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/</g, '\\<')
    .replace(/>/g, '\\>')
    .replace(/\0/g, '\\00');
  if (v.startsWith('#') || v.startsWith(' ')) v = `\\${v}`;
  if (v.endsWith(' ')) v = `${v.slice(0, -1)}\\ `;
  return v;
}
