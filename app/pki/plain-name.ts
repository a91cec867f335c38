/**
 * Plain Names (RFC 5280 §4.1.2.4): one attribute per RDN, each value a PrintableString or a
 * UTF8String holding valid UTF-8, every length in its minimal (DER) form. certbench writes such
 * names (names.ts) and most CAs use them.
 *
 * A plain Name's shape is its attribute types and string tags in order, its values left out.
 * @peculiar/x509 reads a Name into attribute types and strings and writes it again; for a plain
 * Name each step keeps the octets (the OIDs of one shape are the same octets; a PrintableString is
 * read one character per octet and written back so; valid UTF-8 is decoded and encoded back to
 * itself; lengths are minimal both ways). So once @peculiar/x509 wrote one Name of a shape back as
 * it was, it writes every plain Name of that shape back as it is: that is what lets the batch fast
 * path take an issuer's subject as the leaves' issuer Name without a schema round trip per issuer
 * (leaf-template-proof.ts), and plain-name.test.ts holds the claim over generated names.
 */
import { childrenOf, readTlv, type Tlv } from './asn1/tlv.ts';
import { bytesKey } from './bytes-key.ts';
import { lengthOctets } from './der-writer.ts';

const SEQUENCE = 0x30;
const SET = 0x31;
const OID = 0x06;
const PRINTABLE_STRING = 0x13;
const UTF8_STRING = 0x0c;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A one-octet tag, a definite length in its minimal form, nothing but the value after it. */
function minimal(buf: Uint8Array, t: Tlv, tag: number): boolean {
  return (
    !t.indefinite &&
    buf[t.start] === tag &&
    t.contentStart - t.start === 1 + lengthOctets(t.contentEnd - t.contentStart) &&
    t.end === t.contentEnd
  );
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** One attribute of a plain Name: its type's OID (the whole TLV), its string tag and its value's octets. */
interface PlainAttribute {
  type: Uint8Array;
  tag: number;
  value: Uint8Array;
}

/** The attributes of `der` in order when it is a plain Name, else undefined (never throws). */
function plainAttributes(der: Uint8Array): PlainAttribute[] | undefined {
  try {
    const name = readTlv(der, 0);
    if (name.end !== der.length || !minimal(der, name, SEQUENCE)) return undefined;
    const rdns = childrenOf(der, name);
    if (rdns.length === 0) return undefined;
    const out: PlainAttribute[] = [];
    for (const rdn of rdns) {
      if (!minimal(der, rdn, SET)) return undefined;
      const attributes = childrenOf(der, rdn);
      const attribute = attributes[0];
      if (attributes.length !== 1 || !attribute || !minimal(der, attribute, SEQUENCE)) return undefined;
      const [type, value, ...rest] = childrenOf(der, attribute);
      if (!type || !value || rest.length || !minimal(der, type, OID)) return undefined;
      const tag = der[value.start] ?? -1;
      if (!minimal(der, value, tag) || (tag !== PRINTABLE_STRING && tag !== UTF8_STRING)) return undefined;
      const octets = der.subarray(value.contentStart, value.contentEnd);
      if (tag === UTF8_STRING && !validUtf8(octets)) return undefined;
      out.push({ type: der.subarray(type.start, type.end), tag, value: octets });
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The shape of `der` when it is a plain Name, else undefined (never throws). */
export function plainNameShape(der: Uint8Array): string | undefined {
  const attributes = plainAttributes(der);
  return attributes?.map((a) => `${bytesKey(a.type)}${String.fromCharCode(a.tag)};`).join('');
}

/**
 * @peculiar/x509's Name.toString of a plain Name, given the labels it writes for the attribute
 * types in order (Name.toJSON's keys: "CN", "O", or the OID): each value read as its reader reads
 * it (asn1js: a PrintableString one character per octet, a UTF8String as UTF-8) and escaped by
 * its escape(), RDNs joined by ", ". Undefined when `der` is not plain or the labels do not fit.
 * The labels of a shape are taken once its text matched Name.toString (issuing-meta.ts);
 * plain-name.test.ts holds this text to Name.toString over generated Names.
 */
export function plainNameText(der: Uint8Array, labels: readonly string[]): string | undefined {
  const attributes = plainAttributes(der);
  if (!attributes || attributes.length !== labels.length) return undefined;
  return attributes
    .map((a, i) => `${labels[i]}=${x509Escape(a.tag === UTF8_STRING ? utf8.decode(a.value) : octetChars(a.value))}`)
    .join(', ');
}

function octetChars(octets: Uint8Array): string {
  let text = '';
  for (const o of octets) text += String.fromCharCode(o);
  return text;
}

/**
 * @peculiar/x509 2.2.0's escape() of an attribute value in Name.toString
 * (node_modules/@peculiar/x509/build/x509.es.js:733-742, with replaceUnknownCharacter): the
 * RFC 4514 specials, a leading space or '#', a trailing space, and the first CR, LF or TAB as
 * its UTF-8 octets in hex. Kept the same, first-only replacement included.
 */
function x509Escape(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/([\r\n\t])/, (c: string) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}
