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

/** The shape of `der` when it is a plain Name, else undefined (never throws). */
export function plainNameShape(der: Uint8Array): string | undefined {
  try {
    const name = readTlv(der, 0);
    if (name.end !== der.length || !minimal(der, name, SEQUENCE)) return undefined;
    const rdns = childrenOf(der, name);
    if (rdns.length === 0) return undefined;
    let shape = '';
    for (const rdn of rdns) {
      if (!minimal(der, rdn, SET)) return undefined;
      const attributes = childrenOf(der, rdn);
      const attribute = attributes[0];
      if (attributes.length !== 1 || !attribute || !minimal(der, attribute, SEQUENCE)) return undefined;
      const [type, value, ...rest] = childrenOf(der, attribute);
      if (!type || !value || rest.length || !minimal(der, type, OID)) return undefined;
      const tag = der[value.start];
      if (!minimal(der, value, tag ?? -1) || (tag !== PRINTABLE_STRING && tag !== UTF8_STRING)) return undefined;
      if (tag === UTF8_STRING && !validUtf8(der.subarray(value.contentStart, value.contentEnd))) return undefined;
      shape += `${bytesKey(der.subarray(type.start, type.end))}${String.fromCharCode(tag)};`;
    }
    return shape;
  } catch {
    return undefined;
  }
}
