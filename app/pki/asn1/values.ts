/**
 * Primitive ASN.1 values decoded from TLVs: times, strings, integers, bit strings. Lenient where
 * real certificates are sloppy (a UTCTime without seconds still gets a date) and explicit about
 * it (`strict` is false), so the inspector can show the value and the linter can object.
 */
import { isUniversal, TAG, TlvError, type Tlv } from './tlv.ts';

export interface TimeValue {
  /** The instant, or null when the text is not a time at all. */
  date: Date | null;
  /** The encoded text, e.g. "250101000000Z". */
  text: string;
  encoding: 'utc' | 'generalized';
  /** Exactly as RFC 5280 §4.1.2.5 requires (seconds present, "Z", no fraction). */
  strict: boolean;
}

/** At most this many octets go to String.fromCharCode at once (an argument list per call). */
const CHUNK = 4096;

/** One flat string of the octets' characters: `apply` takes the bytes as they are (a spread would iterate them). */
function charsOf(bytes: Uint8Array): string {
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/**
 * Bytes as ISO 8859-1 text: one character per octet, as one flat string per chunk (appending a
 * character at a time built a rope that the first regular expression over it flattened again).
 */
export function latin1(bytes: Uint8Array): string {
  if (bytes.length <= CHUNK) return charsOf(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i += CHUNK) s += charsOf(bytes.subarray(i, i + CHUNK));
  return s;
}

/** UTCTime or GeneralizedTime. Throws TlvError when the TLV is neither. */
export function timeOf(buf: Uint8Array, tlv: Tlv | undefined): TimeValue {
  const utc = isUniversal(tlv, TAG.UTC_TIME);
  if (!tlv || (!utc && !isUniversal(tlv, TAG.GENERALIZED_TIME)))
    throw new TlvError('expected a UTCTime or GeneralizedTime');
  return timeFromContent(utc, buf.subarray(tlv.contentStart, tlv.contentEnd));
}

/** The content octets of a UTCTime (`utc`) or GeneralizedTime as a TimeValue. */
export function timeFromContent(utc: boolean, content: Uint8Array): TimeValue {
  const text = latin1(content);
  const encoding = utc ? 'utc' : 'generalized';
  const m = (
    utc
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\.\d+)?(Z|[+-]\d{4})?$/
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\.\d+)?(Z|[+-]\d{4})?$/
  ).exec(text);
  if (!m) return { date: null, text, encoding, strict: false };
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900; // RFC 5280 §4.1.2.5.1
  const ms = m[7] ? Math.round(Number(`0${m[7]}`) * 1000) : 0;
  let t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms);
  const zone = m[8];
  if (zone && zone !== 'Z')
    t -= (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  const strict = m[6] !== undefined && m[7] === undefined && zone === 'Z';
  return { date: Number.isNaN(t) ? null : new Date(t), text, encoding, strict };
}

/** Tags of the string types a name or GeneralName may use. */
export const STRING_TAGS: Record<number, string> = {
  12: 'UTF8String',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  26: 'VisibleString',
  27: 'GeneralString',
  28: 'UniversalString',
  30: 'BMPString',
};

const utf8 = new TextDecoder('utf-8');

/**
 * Text of a string TLV, decoded the way Python's cryptography does: BMPString as UTF-16BE,
 * UniversalString as UTF-32BE, everything else as UTF-8. undefined when not a string type.
 */
export function stringOf(buf: Uint8Array, tlv: Tlv | undefined): string | undefined {
  if (!tlv || tlv.cls !== 0 || tlv.constructed || !(tlv.tagNumber in STRING_TAGS)) return undefined;
  return stringFromContent(tlv.tagNumber, buf.subarray(tlv.contentStart, tlv.contentEnd));
}

/** Text of a string type's content octets (`tagNumber` one of STRING_TAGS), decoded as stringOf says. */
export function stringFromContent(tagNumber: number, bytes: Uint8Array): string {
  if (tagNumber === 30) {
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2)
      s += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return s;
  }
  if (tagNumber === 28) {
    let s = '';
    for (let i = 0; i + 3 < bytes.length; i += 4) {
      const cp =
        (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>>
        0;
      s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return s;
  }
  return utf8.decode(bytes);
}

/** Content octets of a primitive TLV. */
export function octetsOf(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.contentStart, tlv.contentEnd);
}

/** The bits of a BIT STRING (unused-bits byte removed) and how many bits are in use. */
export function bitStringOf(buf: Uint8Array, tlv: Tlv | undefined): { bytes: Uint8Array; bitLength: number } {
  if (!isUniversal(tlv, TAG.BIT_STRING) || tlv.constructed) throw new TlvError('expected a BIT STRING');
  const unused = buf[tlv.contentStart] ?? 0;
  const bytes = buf.subarray(tlv.contentStart + 1, tlv.contentEnd);
  if (unused > 7 || (bytes.length === 0 && unused !== 0)) throw new TlvError('bad BIT STRING');
  return { bytes, bitLength: bytes.length * 8 - unused };
}

/** An INTEGER as lowercase hex without leading zero bytes (negative values keep their sign byte). */
export function integerHex(buf: Uint8Array, tlv: Tlv | undefined): string {
  if (!isUniversal(tlv, TAG.INTEGER) || tlv.constructed) throw new TlvError('expected an INTEGER');
  let bytes = buf.subarray(tlv.contentStart, tlv.contentEnd);
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return toHex(bytes);
}

/** A BOOLEAN's value. */
export function booleanOf(buf: Uint8Array, tlv: Tlv): boolean {
  if (!isUniversal(tlv, TAG.BOOLEAN) || tlv.contentEnd - tlv.contentStart !== 1)
    throw new TlvError('expected a BOOLEAN');
  return buf[tlv.contentStart] !== 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex, optionally with a separator between bytes ("ab:cd"). */
export function toHex(bytes: Uint8Array, separator = ''): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (i && separator ? separator : '') + HEX[bytes[i] ?? 0];
  return s;
}
