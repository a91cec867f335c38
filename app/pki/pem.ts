/**
 * PEM (RFC 7468) in and out. Decoding is forgiving about what surrounds the blocks (shell
 * output, `openssl x509 -text` dumps, CRLF, leading spaces) and strict about the base64.
 */
import { Convert } from 'pvtsutils';

export interface PemBlock {
  /** The label between BEGIN and END, e.g. "CERTIFICATE", "ENCRYPTED PRIVATE KEY". */
  label: string;
  der: ArrayBuffer;
  /** Headers of RFC 1421 style blocks (e.g. "Proc-Type"), empty for RFC 7468 blocks. */
  headers: Record<string, string>;
  /** Character offset of the BEGIN line in the input, to point at a bad block. */
  offset: number;
}

const BLOCK = /-----BEGIN ([A-Z0-9 #._/-]+)-----([\s\S]*?)-----END \1-----/g;

/** Encode DER as a PEM block with 64-column lines and a trailing newline. */
export function pemEncode(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Convert.ToBase64(der instanceof Uint8Array ? der : new Uint8Array(der));
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block in `text`, in order. Blocks whose base64 is broken are reported in `bad`. */
export function pemDecodeAll(text: string): { blocks: PemBlock[]; bad: { label: string; offset: number; reason: string }[] } {
  const blocks: PemBlock[] = [];
  const bad: { label: string; offset: number; reason: string }[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] ?? '';
    const body = m[2] ?? '';
    const headers: Record<string, string> = {};
    const base64Lines: string[] = [];
    for (const raw of body.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const header = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (header && base64Lines.length === 0) headers[header[1] ?? ''] = header[2] ?? '';
      else base64Lines.push(line);
    }
    const b64 = base64Lines.join('');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0 || b64.length === 0) {
      bad.push({ label, offset: m.index, reason: `the ${label} block's base64 is damaged` });
      continue;
    }
    blocks.push({ label, der: Convert.FromBase64(b64), headers, offset: m.index });
  }
  return { blocks, bad };
}

/** True when the text holds at least one PEM BEGIN line. */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #._/-]+-----/.test(text);
}
