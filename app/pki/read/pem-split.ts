/**
 * Linear-time PEM block location. pem.ts's single regular expression is quadratic when a text
 * holds many BEGIN lines without matching END lines (8,000 of them already take a second), so
 * the reader first cuts the text into one segment per BEGIN line here, then lets pemDecodeAll
 * decode each small segment. A block never contains another BEGIN line, so the END of a block
 * is searched only up to the next BEGIN: every character is visited a bounded number of times.
 */

export interface PemSegment {
  /** Offset of the BEGIN line in the whole text. */
  start: number;
  /** End of the END line, or -1 when the block has none before the next BEGIN or the end of text. */
  end: number;
  label: string;
}

/** Labels are short ("ENCRYPTED PRIVATE KEY"); the bound keeps each match attempt short too. */
const BEGIN = /-----BEGIN ([A-Z0-9 #._/-]{1,64}?)-----/g;

export function splitPem(text: string): PemSegment[] {
  const begins = [...text.matchAll(BEGIN)].map((m) => ({ start: m.index, after: m.index + m[0].length, label: m[1] ?? '' }));
  return begins.map((b, i) => {
    const limit = begins[i + 1]?.start ?? text.length;
    const endLine = `-----END ${b.label}-----`;
    // Search the segment only: an unbounded indexOf would rescan the rest of the text per BEGIN.
    const at = text.slice(b.after, limit).indexOf(endLine);
    return { start: b.start, end: at === -1 ? -1 : b.after + at + endLine.length, label: b.label };
  });
}
