/**
 * A node line's SANs when every one is in its simplest form: a dotted-quad IPv4 address without
 * leading zeros, or a lower-case DNS name of letters, digits and inner hyphens. Such an entry is
 * its own canonical value, so the line is read without the general parser (san.ts checkSans:
 * prefixes, kinds, IDNA, IPv6, per-entry errors), which was most of checking a 100-node list in a
 * Chromium worker (0.75 ms of CPU in Node, where parseBatch is the cluster flow's first step). A
 * line with any other entry goes to checkSans as before, so every error is its error;
 * simple-sans.test.ts holds the two equal over generated lines.
 */
import type { SanEntry } from './san.ts';
import { dottedQuadOctets } from './dotted-quad.ts';

/** san.ts canonicalDnsName's label rule, on lower-case ASCII (which toAsciiHostname leaves as is). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
/** A last label of digits only: checkSans reads such a name as an address (and refuses it). */
const DIGITS_LAST = /(?:^|\.)\d+$/;
const MAX_DNS_NAME = 253;

/** The entry checkSans makes of `token` when it is in its simplest form, else undefined. */
export function simpleSan(token: string): SanEntry | undefined {
  // Only a token that starts with a digit can be an address (dottedQuadOctets makes its octets).
  const c = token.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39 && dottedQuadOctets(token)) return { kind: 'ip', value: token };
  if (token.length <= MAX_DNS_NAME && DNS_NAME.test(token) && !DIGITS_LAST.test(token))
    return { kind: 'dns', value: token };
  return undefined;
}

/**
 * checkSans(tokens.join(' ')).sans when every token is simple (empty ones skipped, duplicates
 * dropped in order, as checkSans does), else undefined: then checkSans reads the line.
 */
export function simpleSans(tokens: readonly string[]): SanEntry[] | undefined {
  const sans: SanEntry[] = [];
  for (const token of tokens) {
    if (!token) continue;
    const san = simpleSan(token);
    if (!san) return undefined;
    // A line lists a few entries: a scan of those kept, not a set and a key string per entry.
    if (!sans.some((s) => s.value === san.value && s.kind === san.kind)) sans.push(san);
  }
  return sans;
}
