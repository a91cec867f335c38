/**
 * Distinguished names as RFC 5280 §7.1 compares them: RDN by RDN, attribute by attribute,
 * with string values compared after the simplified RFC 4518 preparation (case folded,
 * outer spaces trimmed, inner runs of spaces collapsed), and other values by their DER.
 */
import { Convert } from 'pvtsutils';
import { children, directoryString, isUniversal, oidOf, parseDer, TAG, type DerNode } from '../asn1/der-node.ts';

/** One attribute of an RDN: its OID and a comparison key for the value. */
export interface NameAttribute {
  type: string;
  /** Prepared text for string types, `#` + hex of the DER for anything else. */
  key: string;
}

/** A parsed name: RDNs in order, each a set of attributes sorted by key so SET order does not matter. */
export type ParsedName = NameAttribute[][];

/**
 * Printable ASCII with single inner spaces: text that NFKC leaves as it is and that has no
 * whitespace to trim or collapse, so its preparation is its lower case. Nearly every name
 * attribute a certificate holds is such text, and every certificate Inspect reads has its names
 * prepared (issue 14: the Unicode normalisation and the regular expression per attribute).
 */
const PLAIN = /^[!-~]+(?: [!-~]+)*$/;

/** Simplified RFC 4518 preparation: what the comparison rules of RFC 5280 §7.1 ask for in practice. */
export function prepareString(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase();
  return s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

function attributeKey(value: DerNode): string {
  const text = directoryString(value);
  return text === null ? '#' + Convert.ToHex(value.der) : prepareString(text);
}

/** Parse a Name from DER; throws when the DER is not a Name. */
export function parseName(der: Uint8Array): ParsedName {
  return parseNameElement(parseDer(der));
}

/** Parse a Name from a decoded DER node. */
export function parseNameElement(el: DerNode): ParsedName {
  if (!isUniversal(el, TAG.SEQUENCE)) throw new Error('not a Name');
  return children(el).map((rdn) => {
    if (!isUniversal(rdn, TAG.SET)) throw new Error('RDN is not a SET');
    return children(rdn)
      .map((atv) => {
        if (!isUniversal(atv, TAG.SEQUENCE)) throw new Error('attribute is not a SEQUENCE');
        const [oid, value] = children(atv);
        const type = oidOf(oid);
        if (!type || !value) throw new Error('bad attribute');
        return { type, key: attributeKey(value) };
      })
      .sort((a, b) => (a.type + a.key < b.type + b.key ? -1 : 1));
  });
}

function rdnEqual(a: NameAttribute[], b: NameAttribute[]): boolean {
  return a.length === b.length && a.every((x, i) => x.type === b[i]?.type && x.key === b[i]?.key);
}

/**
 * A string equal for exactly the names `namesEqual` holds equal: an index key. Not memoised (a
 * WeakMap entry per name lived until a garbage collection): callers that ask more than once for
 * one name keep the key (relations makes each certificate's two once).
 */
export function nameKey(name: ParsedName): string {
  return name.map((rdn) => rdn.map((a) => `${a.type}=${a.key}`).join('+')).join(',');
}

/** Names equal under RFC 5280 §7.1. */
export function namesEqual(a: ParsedName, b: ParsedName): boolean {
  return a.length === b.length && a.every((rdn, i) => rdnEqual(rdn, b[i] ?? []));
}

/** `name` lies in the subtree rooted at `base` (base's RDNs are a prefix of name's), RFC 5280 §4.2.1.10. */
export function nameWithin(name: ParsedName, base: ParsedName): boolean {
  return base.length <= name.length && base.every((rdn, i) => rdnEqual(rdn, name[i] ?? []));
}

const EMAIL_OID = '1.2.840.113549.1.9.1';

/** The emailAddress attribute values of a subject (RFC 5280 §4.2.1.10 says they count as rfc822 names). */
export function emailAttributes(name: ParsedName): string[] {
  return name
    .flat()
    .filter((a) => a.type === EMAIL_OID && !a.key.startsWith('#'))
    .map((a) => a.key);
}

export const CN_OID = '2.5.4.3';
