/**
 * GeneralName (RFC 5280 §4.2.1.6) decoded from DER without loss: IP addresses keep their
 * bytes (and the netmask in name constraints), directory names keep their parsed RDNs.
 */
import * as asn1js from 'asn1js';
import { Convert } from 'pvtsutils';
import { parseNameElement, type ParsedName } from './der-names.ts';

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
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return words.join(':');
  return `${words.slice(0, best).join(':')}::${words.slice(best + bestLen).join(':')}`;
}

function decodeOne(el: asn1js.AsnType): GeneralNameValue {
  const tag = el.idBlock.tagNumber;
  const type = TYPES[tag] ?? 'other';
  const hex = (el.valueBlock as { valueHexView?: Uint8Array }).valueHexView;
  const bytes = new Uint8Array(hex ?? el.valueBeforeDecodeView);
  switch (type) {
    case 'email':
    case 'dns':
    case 'uri':
      return { type, value: new TextDecoder('latin1').decode(bytes), bytes };
    case 'ip':
      if (bytes.length === 8 || bytes.length === 32) {
        const half = bytes.length / 2;
        return { type, value: `${ipToText(bytes.slice(0, half))}/${ipToText(bytes.slice(half))}`, bytes };
      }
      return { type, value: ipToText(bytes), bytes };
    case 'dn': {
      // [4] is EXPLICIT: the constructed value holds the Name SEQUENCE.
      const inner = (el.valueBlock as { value?: asn1js.AsnType[] }).value?.[0];
      if (!inner) throw new Error('empty directoryName');
      const der = new Uint8Array(inner.valueBeforeDecodeView);
      return { type, value: Convert.ToHex(der), bytes: der, name: parseNameElement(inner) };
    }
    default:
      return { type, value: Convert.ToHex(bytes), bytes };
  }
}

/** Decode one GeneralName element (context-tagged) as found in GeneralNames or GeneralSubtree. */
export function decodeGeneralName(el: asn1js.AsnType): GeneralNameValue {
  return decodeOne(el);
}

/** Decode GeneralNames (a SEQUENCE of GeneralName), e.g. a SAN extension's value. Throws on bad DER. */
export function decodeGeneralNames(der: ArrayBuffer | Uint8Array): GeneralNameValue[] {
  const res = asn1js.fromBER(der instanceof Uint8Array ? der : new Uint8Array(der));
  if (res.offset === -1 || !(res.result instanceof asn1js.Sequence)) throw new Error('not GeneralNames');
  return res.result.valueBlock.value.map(decodeOne);
}
