/**
 * The body of a canonical PEM block (exactly what pemEncode writes: a LF after the BEGIN line,
 * 64-character LF lines, the last one shorter or full, zero padding bits) decoded with the
 * platform's own base64 (Uint8Array.fromBase64, TC39's Uint8Array base64 proposal: Chromium
 * 140+, Firefox 133+, Safari 18.2+; not in Node 20). Reading the system CA bundle in the Chromium
 * worker spent a tenth of its own JavaScript in pem.ts's table-driven decoder. Anything that is
 * not canonical, or that the platform decodes otherwise, is left to that decoder, which decides as
 * before; this one is used only after it decoded samples exactly as the reference does and
 * refused what the reference refuses or calls non-canonical.
 */

type FromBase64 = (text: string, options: { alphabet: 'base64'; lastChunkHandling: 'strict' }) => Uint8Array;

/** `start` is the index just after the BEGIN line, `end` that of the END line. */
export type BodyDecoder = (text: string, start: number, end: number) => ArrayBuffer | undefined;

/** pem.ts's decoder, the one the platform's must agree with. */
export type ReferenceDecoder = (
  text: string,
  start: number,
  end: number,
) => { der: ArrayBuffer; canonical: boolean } | undefined;

const LF = 10;
const PAD = 61; // '='
const LINE = 64;

/**
 * The body's bytes when the body is laid out as pemEncode lays it out and the platform decodes
 * it strictly to the length that layout implies; undefined otherwise. The platform's decoder
 * skips ASCII whitespace anywhere, so a space or CR inside a line would be skipped silently: the
 * length check refuses it (fewer characters than the layout holds give fewer bytes, or a chunk
 * that strict decoding refuses).
 */
function decodeCanonical(fromBase64: FromBase64, text: string, start: number, end: number): ArrayBuffer | undefined {
  if (text.charCodeAt(start) !== LF) return undefined;
  const from = start + 1;
  const length = end - from;
  const full = Math.floor(length / (LINE + 1));
  const rest = length % (LINE + 1);
  // The last line holds 1 to 64 characters and its LF; a full last line leaves no rest.
  if (rest === 1 || (rest === 0 && full === 0)) return undefined;
  for (let k = 0; k < full; k++) if (text.charCodeAt(from + k * (LINE + 1) + LINE) !== LF) return undefined;
  if (text.charCodeAt(end - 1) !== LF) return undefined;
  const lines = full + (rest > 0 ? 1 : 0);
  const chars = length - lines;
  if (chars % 4 !== 0) return undefined;
  const pads = (text.charCodeAt(end - 2) === PAD ? 1 : 0) + (text.charCodeAt(end - 3) === PAD ? 1 : 0);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(text.slice(from, end), { alphabet: 'base64', lastChunkHandling: 'strict' });
  } catch {
    return undefined; // not base64, padding in the middle, or padding bits set: the reference decides
  }
  if (bytes.length !== (chars / 4) * 3 - pads) return undefined;
  return bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : bytes.slice().buffer;
}

/** Byte counts covering the three base64 tails, an exact line, several lines and a full last line. */
const SAMPLE_LENGTHS = [1, 2, 3, 47, 48, 49, 96, 190, 256];

function sampleBody(base64: string): string {
  let body = '\n';
  for (let i = 0; i < base64.length; i += LINE) body += `${base64.slice(i, i + LINE)}\n`;
  return body;
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * The platform's decoder for canonical bodies, or undefined when the platform has none or it
 * decodes a sample otherwise than `reference`, or accepts a body `reference` refuses or does not
 * call canonical (padding bits set, a base64url character, a space inside a line).
 */
export function nativeBodyDecoder(
  reference: ReferenceDecoder,
  fromBase64: FromBase64 | undefined = (Uint8Array as { fromBase64?: FromBase64 }).fromBase64,
): BodyDecoder | undefined {
  if (typeof fromBase64 !== 'function') return undefined;
  const decode: BodyDecoder = (text, start, end) => decodeCanonical(fromBase64, text, start, end);
  const check = (body: string): boolean => {
    const ours = decode(body, 0, body.length);
    const theirs = reference(body, 0, body.length);
    if (ours === undefined) return theirs === undefined || !theirs.canonical;
    return theirs !== undefined && theirs.canonical && sameBytes(ours, theirs.der);
  };
  try {
    for (const n of SAMPLE_LENGTHS) {
      const bytes = Array.from({ length: n }, (_, i) => (i * 151 + 7) & 255);
      const body = sampleBody(btoa(String.fromCharCode(...bytes)));
      // Each sample must decode (the reference calls it canonical), and so must agree byte for byte.
      if (decode(body, 0, body.length) === undefined || !check(body)) return undefined;
    }
    // 'AB==' has padding bits set; '-' and '_' are base64url; a space inside a line is not pemEncode's.
    for (const odd of ['\nAB==\n', '\nAA-_\n', '\nAAAA AAA\n', '\nAAAA\r\n']) if (!check(odd)) return undefined;
  } catch {
    return undefined;
  }
  return decode;
}
