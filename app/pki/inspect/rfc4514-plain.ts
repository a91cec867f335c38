/**
 * The RFC 4514 text of a plain Name, read straight from its bytes: the form nearly every
 * certificate's subject and issuer take (SETs of SEQUENCE { OID, string } with definite short
 * lengths, printable ASCII values). name-text.ts's general reader makes a TLV object, an OID
 * string, a decoded string and a view per attribute; this one makes only the text, and Inspect
 * writes a subject and an issuer per certificate (a CA bundle's 144 cost about 2 ms of the
 * worker's time in the general reader, issue 14). Anything else (long-form or odd tags, other
 * string types, non-ASCII text, trailing fields) is `undefined`, and the general reader decides,
 * errors included; where this one answers it writes what the general one writes
 * (rfc4514-plain.test.ts holds the two equal).
 */
import { oidFromContent } from '../asn1/tlv.ts';
import { latin1 } from '../asn1/values.ts';
import { ATTRIBUTE_NAMES } from '../model/oids.ts';
import { escapeDnValue } from './dn-escape.ts';

const SEQUENCE = 0x30;
const SET = 0x31;
const OID = 0x06;
/** UTF8String, PrintableString, TeletexString, IA5String, VisibleString: UTF-8 in stringOf, the same text for ASCII. */
const ASCII_STRING_TAGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1a]);

/** The name rfc4514 writes for an OID: its short name, else the OID itself. */
function typeName(oid: string): string {
  return ATTRIBUTE_NAMES[oid]?.short ?? oid;
}

/** Names of the X.520 attribute types 2.5.4.0-127, whose OID content is 55 04 nn. */
const X520 = Array.from({ length: 128 }, (_, n) => typeName(`2.5.4.${n}`));

/** The length of the TLV whose tag is at `at`: short form or one long-form octet; -1 otherwise. */
function lengthAt(der: Uint8Array, at: number): number {
  const first = der[at + 1] ?? 0x80;
  if (first < 0x80) return first;
  return first === 0x81 && (der[at + 2] ?? 0) >= 0x80 ? (der[at + 2] ?? 0) : -1;
}

/** Where the content of the TLV at `at` starts (after a one- or two-octet length). */
function contentAt(der: Uint8Array, at: number): number {
  return (der[at + 1] ?? 0) < 0x80 ? at + 2 : at + 3;
}

/** One attribute (SEQUENCE { OID, string }) filling at..end as `type=value`, or undefined. */
function attribute(der: Uint8Array, at: number, end: number): string | undefined {
  if (der[at] !== OID) return undefined;
  const oidLength = lengthAt(der, at);
  const oidStart = contentAt(der, at);
  const valueAt = oidStart + oidLength;
  if (oidLength < 1 || valueAt > end) return undefined;
  const tag = der[valueAt] ?? 0;
  const length = lengthAt(der, valueAt);
  const start = contentAt(der, valueAt);
  if (!ASCII_STRING_TAGS.has(tag) || length < 0 || start + length !== end) return undefined;
  for (let i = start; i < end; i++) if ((der[i] ?? 0) < 0x20 || (der[i] ?? 0) > 0x7e) return undefined;
  // One flat string (appending a character at a time would build a rope to flatten later).
  const text = latin1(der.subarray(start, end));
  const x520 = oidLength === 3 && der[oidStart] === 0x55 && der[oidStart + 1] === 0x04 && (der[oidStart + 2] ?? 0x80);
  let type: string;
  if (x520 !== false && x520 < 0x80) type = X520[x520] ?? '';
  else {
    try {
      type = typeName(oidFromContent(der.subarray(oidStart, valueAt)));
    } catch {
      return undefined;
    }
  }
  return `${type}=${escapeDnValue(text)}`;
}

/**
 * rfc4514(der) for a plain Name, or undefined for any other encoding (see the module comment).
 * RDNs are written last first, the attributes of a multi-valued one in encoded order joined by "+".
 */
export function plainRfc4514(der: Uint8Array): string | undefined {
  if (der[0] !== SEQUENCE) return undefined;
  const nameLength = lengthAt(der, 0);
  let p = contentAt(der, 0);
  if (nameLength < 0 || p + nameLength !== der.length) return undefined;
  const rdns: string[] = [];
  while (p < der.length) {
    const rdnLength = lengthAt(der, p);
    const rdnEnd = contentAt(der, p) + rdnLength;
    if (der[p] !== SET || rdnLength < 1 || rdnEnd > der.length) return undefined;
    let rdn = '';
    for (let q = contentAt(der, p); q < rdnEnd;) {
      const atvLength = lengthAt(der, q);
      const atvEnd = contentAt(der, q) + atvLength;
      if (der[q] !== SEQUENCE || atvLength < 0 || atvEnd > rdnEnd) return undefined;
      const text = attribute(der, contentAt(der, q), atvEnd);
      if (text === undefined) return undefined;
      rdn = rdn === '' ? text : `${rdn}+${text}`;
      q = atvEnd;
    }
    rdns.push(rdn);
    p = rdnEnd;
  }
  let out = '';
  for (let i = rdns.length - 1; i >= 0; i--) out = out === '' ? (rdns[i] ?? '') : `${out},${rdns[i] ?? ''}`;
  return out;
}
