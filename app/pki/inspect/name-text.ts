/**
 * Distinguished names as text. `rfc4514` writes exactly what Python cryptography's
 * `Name.rfc4514_string()` writes (RDNs in reverse order, its nine short names, other types as
 * dotted OIDs, its escaping), so the CLI's JSON can be diffed against Python tooling.
 */
import { stringOf, toHex } from '../asn1/values.ts';
import { childrenOf, oidOf, readWhole } from '../asn1/tlv.ts';
import { ATTRIBUTE_NAMES } from '../model/oids.ts';
import { node, type TreeNode } from './tree.ts';
import { plainRfc4514 } from './rfc4514-plain.ts';
import { escapeDnValue } from './dn-escape.ts';

export { escapeDnValue } from './dn-escape.ts';

export interface NameAttributeText {
  oid: string;
  /** Decoded text, or undefined for non-string values (shown as #hex of the DER). */
  text: string | undefined;
  /** DER of the value, for the #hex form. */
  der: Uint8Array;
}

/** The RDNs of a Name's DER, each a list of attributes in encoded order. */
export function nameAttributes(der: Uint8Array): NameAttributeText[][] {
  const root = readWhole(der);
  return childrenOf(der, root).map((rdn) =>
    childrenOf(der, rdn).map((atv) => {
      const [type, value] = childrenOf(der, atv);
      if (!type || !value) throw new Error('attribute without type or value');
      return { oid: oidOf(der, type), text: stringOf(der, value), der: der.subarray(value.start, value.end) };
    }),
  );
}

function attributeString(a: NameAttributeText): string {
  const name = ATTRIBUTE_NAMES[a.oid]?.short ?? a.oid;
  const value = a.text === undefined ? `#${toHex(a.der)}` : escapeDnValue(a.text);
  return `${name}=${value}`;
}

function rfc4514Of(rdns: NameAttributeText[][]): string {
  return rdns
    .toReversed()
    .map((rdn) => rdn.map(attributeString).join('+'))
    .join(',');
}

/** rfc4514 by the general reader alone, without the plain-name path (the reference rfc4514-plain.test.ts holds it to). */
export function generalRfc4514(der: Uint8Array): string {
  return rfc4514Of(nameAttributes(der));
}

/**
 * The RFC 4514 string of a Name's DER, as Python cryptography writes it. A plain name is read
 * straight from its bytes (rfc4514-plain.ts); any other goes through the general reader. Not
 * memoised: a WeakMap of texts per name view made an entry per certificate that only a garbage
 * collection removed, and a self-issued certificate's summary asks once (summary.ts).
 */
export function rfc4514(der: Uint8Array): string {
  return plainRfc4514(der) ?? generalRfc4514(der);
}

/** Tree rows for a name: one per attribute, in encoded order, with readable labels. */
export function nameNodes(der: Uint8Array): TreeNode[] {
  return attributeNodes(nameAttributes(der));
}

function attributeNodes(rdns: NameAttributeText[][]): TreeNode[] {
  return rdns.flatMap((rdn) =>
    rdn.map((a) => {
      const known = ATTRIBUTE_NAMES[a.oid];
      const label = known ? (known.short ? `${known.long} (${known.short})` : known.long) : a.oid;
      return node(label, a.text ?? `#${toHex(a.der)}`);
    }),
  );
}

/** A name node with its one-line form as value and its attributes as children; degrades to hex. */
export function nameNode(label: string, der: Uint8Array): TreeNode {
  try {
    const rdns = nameAttributes(der);
    return node(label, rfc4514Of(rdns) || '(empty)', attributeNodes(rdns));
  } catch {
    return node(label, toHex(der), undefined, 'this name does not decode; shown as DER hex');
  }
}
