/**
 * Does a certificate cover a server name or IP address, as TLS clients check it (RFC 6125,
 * RFC 9525): IPs only against IP SANs; DNS names against DNS SANs compared as A-labels,
 * case-insensitively, ignoring a trailing dot; a wildcard only as the whole left-most label
 * of a name with at least three labels, standing for exactly one label; the subject CN only
 * when there are no DNS SANs, and never for an IP.
 */
import { CN_OID } from '../model/names.ts';
import type { CertFacts } from '../model/cert-facts.ts';

export type HostMatch =
  | { ok: true; by: 'dns' | 'ip' | 'cn'; presented: string }
  | { ok: false; code: 'host-mismatch' | 'ip-not-in-sans' | 'invalid-host'; presented: string[] };

/** IPv4 dotted quad (four decimal parts, no leading zeros beyond "0") to 4 octets, or null. */
export function parseIPv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return new Uint8Array(parts.map(Number));
}

/** IPv6 text (with "::", optionally an embedded IPv4 tail, optionally in brackets) to 16 octets, or null. */
export function parseIPv6(input: string): Uint8Array | null {
  let s = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  if (!s.includes(':') || s.includes('%')) return null;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4?.[1]) {
    // An embedded IPv4 tail ("::ffff:10.0.0.1") stands for the last two words.
    const b = parseIPv4(v4[1]);
    if (!b) return null;
    const word = (hi: number | undefined, lo: number | undefined) => (((hi ?? 0) << 8) | (lo ?? 0)).toString(16);
    s = `${s.slice(0, -v4[1].length)}${word(b[0], b[1])}:${word(b[2], b[3])}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (h: string | undefined) => (h ? h.split(':') : []);
  const head = words(halves[0]);
  const rest = words(halves[1]);
  const all = [...head, ...rest];
  if (!all.every((w) => /^[0-9a-f]{1,4}$/i.test(w))) return null;
  if (halves.length === 1 ? all.length !== 8 : all.length > 7) return null;
  const fill = new Array<string>(8 - all.length).fill('0');
  const nums = [...head, ...(halves.length === 2 ? fill : []), ...rest].map((w) => parseInt(w, 16));
  const out = new Uint8Array(16);
  nums.forEach((n, i) => {
    out[2 * i] = n >> 8;
    out[2 * i + 1] = n & 0xff;
  });
  return out;
}

/** A DNS name as A-labels, lowercase, without a trailing dot; null when it is not a host name. */
export function toALabels(name: string): string | null {
  const trimmed = name.trim().replace(/\.$/, '');
  if (!trimmed || trimmed.includes('..')) return null;
  if (/^[\x21-\x7e]+$/.test(trimmed)) return trimmed.toLowerCase();
  try {
    // WHATWG URL applies UTS #46 (IDNA) mapping and Punycode, as browsers do for host names.
    return new URL(`http://${trimmed}/`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function wildcardMatches(pattern: string, host: string): boolean {
  const p = pattern.split('.');
  const h = host.split('.');
  if (p[0] !== '*' || p.length < 3 || p.length !== h.length) return false;
  if (p.slice(1).some((l) => l.includes('*'))) return false;
  return (h[0] ?? '') !== '' && p.slice(1).join('.') === h.slice(1).join('.');
}

/** True when a presented DNS identifier (SAN or CN) covers `host` (already A-labels). */
export function dnsIdentifierMatches(presented: string, host: string): boolean {
  const p = toALabels(presented);
  if (!p) return false;
  return p.includes('*') ? wildcardMatches(p, host) : p === host;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Match `host` (a DNS name, IPv4, or IPv6 with or without brackets) against the certificate. */
export function matchHost(facts: CertFacts, host: string): HostMatch {
  const sans = facts.subjectAltNames ?? [];
  const ip = parseIPv4(host.trim()) ?? parseIPv6(host.trim());
  if (ip) {
    const ipSans = sans.filter((s) => s.type === 'ip');
    const hit = ipSans.find((s) => sameBytes(s.bytes, ip));
    return hit
      ? { ok: true, by: 'ip', presented: hit.value }
      : { ok: false, code: 'ip-not-in-sans', presented: ipSans.map((s) => s.value) };
  }
  const name = toALabels(host);
  if (!name) return { ok: false, code: 'invalid-host', presented: [] };
  const dnsSans = sans.filter((s) => s.type === 'dns').map((s) => s.value);
  const hit = dnsSans.find((p) => dnsIdentifierMatches(p, name));
  if (hit) return { ok: true, by: 'dns', presented: hit };
  if (dnsSans.length === 0) {
    const cns = facts.subject
      .flat()
      .filter((a) => a.type === CN_OID && !a.key.startsWith('#'))
      .map((a) => a.key);
    const cn = cns[cns.length - 1]; // the most specific CN, as OpenSSL uses
    if (cn !== undefined && !parseIPv4(cn) && !parseIPv6(cn) && dnsIdentifierMatches(cn, name))
      return { ok: true, by: 'cn', presented: cn };
    return { ok: false, code: 'host-mismatch', presented: cns };
  }
  return { ok: false, code: 'host-mismatch', presented: dnsSans };
}

/**
 * Wildcards outside RFC 6125's rule that some clients still match: a partial left-most label
 * ("l*.example.com": OpenSSL without X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, Java's
 * HostnameChecker) and a wildcard over two labels ("*.com": Java, Go). null when neither covers `host`.
 */
export function looseWildcardMatch(
  facts: CertFacts,
  host: string,
): { code: 'host-matched-by-partial-wildcard' | 'host-matched-by-short-wildcard'; presented: string } | null {
  const name = toALabels(host);
  if (!name) return null;
  const h = name.split('.');
  for (const san of facts.subjectAltNames ?? []) {
    if (san.type !== 'dns') continue;
    const p = toALabels(san.value)?.split('.');
    if (
      !p ||
      p.length !== h.length ||
      p.slice(1).some((l) => l.includes('*')) ||
      p.slice(1).join('.') !== h.slice(1).join('.')
    )
      continue;
    const first = p[0] ?? '';
    if (first === '*' && p.length === 2 && h[0])
      return { code: 'host-matched-by-short-wildcard', presented: san.value };
    if (first !== '*' && first.includes('*') && p.length >= 3 && partialLabelMatches(first, h[0] ?? ''))
      return { code: 'host-matched-by-partial-wildcard', presented: san.value };
  }
  return null;
}

function partialLabelMatches(pattern: string, label: string): boolean {
  const star = pattern.indexOf('*');
  if (pattern.indexOf('*', star + 1) >= 0) return false;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return label.length >= head.length + tail.length && label.startsWith(head) && label.endsWith(tail);
}
