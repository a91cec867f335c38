/**
 * PEM (RFC 7468) in and out. Decoding is forgiving about what surrounds the blocks (shell
 * output, `openssl x509 -text` dumps, CRLF, leading spaces) and strict about the base64.
 */
import { nativeBodyDecoder, type BodyDecoder } from './pem-native-decode.ts';

export interface PemBlock {
  /** The label between BEGIN and END, e.g. "CERTIFICATE", "ENCRYPTED PRIVATE KEY". */
  label: string;
  der: ArrayBuffer;
  /** Headers of RFC 1421 style blocks (e.g. "Proc-Type"), empty for RFC 7468 blocks. */
  headers: Record<string, string>;
  /** Character offset of the BEGIN line in the input, to point at a bad block. */
  offset: number;
  /**
   * The block's text when it is exactly what `pemEncode(label, der)` writes (LF line ends, 64
   * columns, no headers, canonical padding bits), so a reader keeps it instead of encoding the
   * DER again; absent otherwise.
   */
  pem?: string;
}

/** Labels are short ("ENCRYPTED PRIVATE KEY"); the bound keeps each match attempt short too. */
const BEGIN = /-----BEGIN ([A-Z0-9 #._/-]{1,64}?)-----/g;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Table-driven base64: a binary string through btoa (or pvtsutils) costs as much as an ECDSA
 * signature per certificate, which matters on the batch hot path.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += `${ALPHABET.charAt(n >> 18)}${ALPHABET.charAt((n >> 12) & 63)}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${ALPHABET.charAt(n >> 18)}${ALPHABET.charAt((n >> 12) & 63)}${ALPHABET.charAt((n >> 6) & 63)}=`;
  }
  return out;
}

/** Unpadded base64url (RFC 4648 §5), as JWK members are written. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Encode DER as a PEM block with 64-column lines and a trailing newline. */
export function pemEncode(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = encodeBase64(der instanceof Uint8Array ? der : new Uint8Array(der));
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

export interface BadPemBlock {
  label: string;
  offset: number;
  reason: string;
}

/**
 * A canonical block's text from `offset` to the end of its END line, with the one line feed
 * pemEncode ends it with: a slice of the input where the input has that line feed, so the item's
 * PEM shares the input's characters instead of being a copy (the report carries each item's PEM
 * to the page, and the copy of a CA bundle was 290 KB of short-lived strings per read).
 */
function blockText(text: string, offset: number, end: number): string {
  return text.charCodeAt(end) === 0x0a ? text.slice(offset, end + 1) : `${text.slice(offset, end)}\n`;
}

/**
 * Every PEM block in `text`, in order, in linear time: each BEGIN line's END is searched only up
 * to the next BEGIN line (a block never holds another BEGIN), so many BEGIN lines without END
 * cannot make it quadratic. Blocks with broken base64 or no END line are reported in `bad`.
 */
export function pemDecodeAll(text: string): { blocks: PemBlock[]; bad: BadPemBlock[] } {
  const blocks: PemBlock[] = [];
  const bad: BadPemBlock[] = [];
  const begins = [...text.matchAll(BEGIN)].map((m) => ({
    offset: m.index,
    after: m.index + m[0].length,
    label: m[1] ?? '',
  }));
  begins.forEach((begin, i) => {
    const { label, offset } = begin;
    const limit = begins[i + 1]?.offset ?? text.length;
    const endLine = `-----END ${label}-----`;
    const endAt = text.slice(begin.after, limit).indexOf(endLine);
    if (endAt === -1) {
      bad.push({ label, offset, reason: `the ${label} block has no "${endLine}" line` });
      return;
    }
    const bodyEnd = begin.after + endAt;
    const native = nativeDecoder()?.(text, begin.after, bodyEnd);
    if (native) {
      // Only canonical bodies decode there: the block's text is pemEncode's.
      blocks.push({
        label,
        der: native,
        headers: {},
        offset,
        pem: blockText(text, offset, bodyEnd + endLine.length),
      });
      return;
    }
    const fast = decodePemBody(text, begin.after, bodyEnd);
    if (fast) {
      const pem = fast.canonical ? blockText(text, offset, bodyEnd + endLine.length) : undefined;
      blocks.push({ label, der: fast.der, headers: {}, offset, ...(pem === undefined ? {} : { pem }) });
      return;
    }
    const { headers, base64 } = splitBody(text.slice(begin.after, bodyEnd));
    const der = decodeBase64(base64);
    if (!der) bad.push({ label, offset, reason: `the ${label} block's base64 is damaged` });
    else blocks.push({ label, der, headers, offset });
  });
  return { blocks, bad };
}

/** RFC 1421 headers ("Proc-Type: …") come before the base64 lines. */
function splitBody(body: string): { headers: Record<string, string>; base64: string } {
  const headers: Record<string, string> = {};
  const base64Lines: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const header = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (header && base64Lines.length === 0) headers[header[1] ?? ''] = header[2] ?? '';
    else base64Lines.push(line);
  }
  return { headers, base64: base64Lines.join('') };
}

/** Each base64 character's 6-bit value by char code (below 128), -1 for any other character. */
const SEXTET = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();
const LF = 10;
const CR = 13;
const PAD = 61; // '='
const COLUMNS = 64;

/**
 * The common body in one pass, table-driven, straight from the text (no line array, no joined
 * string, no atob binary string: a CA bundle's blocks were 12% of Inspect's worker time): base64
 * lines ending in LF or CRLF, padding only at the end. Anything else (RFC 1421 headers, spaces,
 * tabs, a lone CR) returns undefined and goes to splitBody + decodeBase64, which decide as
 * before, so the two paths accept and refuse the same bodies. `canonical` says the body is
 * exactly pemEncode's: a LF after the BEGIN line, 64-column LF lines, zero padding bits.
 */
function decodePemBody(text: string, start: number, end: number): { der: ArrayBuffer; canonical: boolean } | undefined {
  // At most 3 bytes per 4 characters; the exact length is known after the pass.
  const out = new Uint8Array(Math.floor(((end - start) * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let chars = 0;
  let pads = 0;
  let column = 0;
  // pemEncode writes "\n" right after the BEGIN line, 64 characters a line, the last line shorter or full.
  let canonical = text.charCodeAt(start) === LF;
  let lastLineShort = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) {
      if (c === CR) {
        canonical = false;
        i++;
      }
      if (column > 0) {
        if (lastLineShort || column > COLUMNS) canonical = false;
        if (column < COLUMNS) lastLineShort = true;
      } else if (i > start) canonical = false; // an empty line inside the body
      column = 0;
      continue;
    }
    const v = c < 128 ? (SEXTET[c] ?? -1) : -1;
    if (v === -1) {
      if (c !== PAD || pads === 2) return undefined;
      pads++;
    } else {
      if (pads > 0) return undefined; // data after padding
      acc = (acc << 6) | v;
      if ((chars & 3) === 3) {
        out[n++] = (acc >> 16) & 255;
        out[n++] = (acc >> 8) & 255;
        out[n++] = acc & 255;
        acc = 0;
      }
    }
    chars++;
    column++;
  }
  if (column > 0) canonical = false; // no LF before the END line
  if (chars === 0 || chars % 4 !== 0) return undefined;
  const tail = (chars - pads) & 3; // characters of the last, padded quantum
  if (tail === 2) {
    out[n++] = (acc >> 4) & 255;
    if (acc & 15) canonical = false;
  } else if (tail === 3) {
    out[n++] = (acc >> 10) & 255;
    out[n++] = (acc >> 2) & 255;
    if (acc & 3) canonical = false;
  }
  return { der: out.slice(0, n).buffer, canonical };
}

let native: BodyDecoder | undefined | null = null;

/** The platform's decoder for canonical bodies, proven against decodePemBody on first use (pem-native-decode.ts). */
function nativeDecoder(): BodyDecoder | undefined {
  if (native === null) native = nativeBodyDecoder(decodePemBody);
  return native;
}

/**
 * Strict base64 to bytes, or undefined when damaged. Uses atob: pvtsutils' Convert.FromBase64
 * overflows the stack on multi-megabyte input.
 */
export function decodeBase64(b64: string): ArrayBuffer | undefined {
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out.buffer;
}

/** True when the text holds at least one PEM BEGIN line. */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #._/-]+-----/.test(text);
}
