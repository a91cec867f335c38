/** Canonical dotted-quad IPv4 text, read fast (the batch fast path's node lines and TBSCertificates). */
/**
 * The four octets of an IPv4 address in canonical text (0-255 without leading zeros, as parseIp
 * writes it and checkSans keeps it), read by one loop over its characters instead of parseIp's
 * split and pattern per octet: the batch reads one or more per node, twice (its line, its TBS).
 * Undefined for anything else, which callers leave to parseIp.
 */
export function dottedQuadOctets(text: string): Uint8Array | undefined {
  const octets = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : DOT;
    if (c === DOT) {
      if (digits === 0 || part > 3) return undefined;
      octets[part++] = value;
      value = 0;
      digits = 0;
    } else if (c >= ZERO_CHAR && c <= NINE_CHAR) {
      if (digits > 0 && value === 0) return undefined;
      value = value * 10 + (c - ZERO_CHAR);
      if (value > 255) return undefined;
      digits++;
    } else return undefined;
  }
  return part === 4 ? octets : undefined;
}
const DOT = 0x2e;
const ZERO_CHAR = 0x30;
const NINE_CHAR = 0x39;
