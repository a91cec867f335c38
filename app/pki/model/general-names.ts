/**
 * GeneralName (RFC 5280 §4.2.1.6) decoded from DER without loss: IP addresses keep their
 * bytes (and the netmask in name constraints), directory names keep their parsed RDNs.
 */
import { Convert } from 'pvtsutils';
import { parseNameElement, type ParsedName } from './names.ts';
import { children, parseDer, type DerNode } from '../asn1/der-node.ts';
import { latin1 } from '../asn1/values.ts';

export type GeneralNameType = 'other' | 'email' | 'dns' | 'x400' | 'dn' | 'edi' | 'uri' | 'ip' | 'rid';

export interface GeneralNameValue {
  type: GeneralNameType;
  /** Text for email, dns and uri; dotted/colon form for ip; hex for the rest. */
  value: string;
  /** Raw contents: address (and mask) octets for ip. */
  bytes: Uint8Array;
  /** Parsed RDNs for dn. */
  name?: ParsedName;
}

const TYPES: GeneralNameType[] = ['other', 'email', 'dns', 'x400', 'dn', 'edi', 'uri', 'ip', 'rid'];

/** IPv4 dotted or IPv6 (RFC 5952 style, lowercase, zero runs compressed) text of 4 or 16 octets. */
export function ipToText(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  if (b.length !== 16) return Convert.ToHex(b);
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return words.join(':');
  return `${words.slice(0, best).join(':')}::${words.slice(best + bestLen).join(':')}`;
}

/** Decode one GeneralName element (context-tagged) as found in GeneralNames or GeneralSubtree. */
export function decodeGeneralName(el: DerNode): GeneralNameValue {
  if (el.cls !== 2) throw new Error('GeneralName is not context-tagged');
  const type = TYPES[el.tagNumber] ?? 'other';
  const bytes = el.content;
  switch (type) {
    case 'email':
    case 'dns':
    case 'uri':
      return { type, value: latin1(bytes), bytes };
    case 'ip':
      if (bytes.length === 8 || bytes.length === 32) {
        const half = bytes.length / 2;
        return { type, value: `${ipToText(bytes.subarray(0, half))}/${ipToText(bytes.subarray(half))}`, bytes };
      }
      return { type, value: ipToText(bytes), bytes };
    case 'dn': {
      // [4] is EXPLICIT: the constructed value holds the Name SEQUENCE.
      const inner = children(el)[0];
      if (!inner) throw new Error('empty directoryName');
      return { type, value: Convert.ToHex(inner.der), bytes: inner.der, name: parseNameElement(inner) };
    }
    default:
      return { type, value: Convert.ToHex(bytes), bytes };
  }
}

/** Decode GeneralNames (a SEQUENCE of GeneralName), e.g. a SAN extension's value. Throws on bad DER. */
export function decodeGeneralNames(der: Uint8Array): GeneralNameValue[] {
  return children(parseDer(der)).map(decodeGeneralName);
}
