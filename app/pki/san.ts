/**
 * Subject Alternative Names: a forgiving parser for what people type or paste, and the canonical
 * forms we put in certificates. Entries are separated by commas, spaces or newlines; a
 * `DNS:`/`IP:`/`email:`/`URI:` prefix (any case, also openssl's "IP Address:") fixes the kind,
 * otherwise the kind is detected. DNS names (wildcards too) are stored as lower-case A-labels,
 * IPv6 addresses in RFC 5952 form. Errors name the bad entry:
 * `"10.0.0.300" is not an IPv4 or IPv6 address`.
 */
import { PkiError } from './errors.ts';
import { toAsciiHostname } from './idna.ts';
import { parseIp } from './ip.ts';

export type SanKind = 'dns' | 'ip' | 'email' | 'uri';

export interface SanEntry {
  kind: SanKind;
  /** Canonical value: A-label DNS name, canonical IP text, email with A-label domain, URI as given. */
  value: string;
}

const PREFIXES: Record<string, SanKind> = {
  dns: 'dns',
  ip: 'ip',
  'ip address': 'ip',
  email: 'email',
  uri: 'uri',
  url: 'uri',
};

/** Kinds openssl knows that certbench does not issue; named in the error so it reads as a choice. */
const UNSUPPORTED_KINDS = new Set(['rid', 'dirname', 'othername', 'upn', 'x400name', 'edipartyname', 'registeredid']);

function bad(entry: string, why: string): PkiError {
  return new PkiError('invalid-san', 'sans', `"${entry}" ${why}`);
}

/** A DNS name (optionally "*." wildcard) as a lower-case A-label name, or an error naming it. */
export function canonicalDnsName(input: string, entry = input): string {
  let name = input.trim().replace(/\.$/, '');
  let wildcard = '';
  if (name.startsWith('*.')) {
    wildcard = '*.';
    name = name.slice(2);
  }
  if (name.includes('*')) throw bad(entry, 'has a wildcard that is not a whole leftmost label (write *.example.com)');
  const ascii = toAsciiHostname(name);
  if (ascii === undefined) throw bad(entry, 'is not a valid DNS name');
  if (ascii.length + wildcard.length > 253) throw bad(entry, 'is longer than 253 characters');
  const labels = ascii.split('.');
  for (const label of labels) {
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) {
      throw bad(
        entry,
        `is not a valid DNS name (label "${label}": letters, digits and inner hyphens, 1 to 63 characters)`,
      );
    }
  }
  if (wildcard && labels.length < 2) throw bad(entry, 'is a wildcard over a top-level domain');
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) throw bad(entry, 'is not an IPv4 or IPv6 address');
  return wildcard + ascii;
}

function canonicalEmail(value: string, entry: string): string {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (at <= 0 || !domain) throw bad(entry, 'is not an email address (local@domain)');
  // RFC 5280 §4.2.1.6 rfc822Name is an IA5String: the local part must be ASCII.
  if (!/^[\x21-\x7e]+$/.test(local) || local.includes('@'))
    throw bad(entry, 'is not an email address: the part before @ must be plain ASCII');
  if (domain.startsWith('*')) throw bad(entry, 'is not an email address: the domain cannot be a wildcard');
  return `${local}@${canonicalDnsName(domain, entry)}`;
}

function canonicalUri(value: string, entry: string): string {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value))
    throw bad(entry, 'is not a URI (scheme:rest, e.g. spiffe://cluster/ns/default/sa/web)');
  // IA5String: only ASCII. Non-ASCII must be percent-encoded by the user, we do not guess.
  if (!/^[\x21-\x7e]+$/.test(value))
    throw bad(entry, 'is not a URI: it contains characters that must be percent-encoded');
  return value;
}

function canonicalIp(value: string, entry: string): string {
  const ip = parseIp(value);
  if (!ip) throw bad(entry, 'is not an IPv4 or IPv6 address');
  return ip.text;
}

/** One entry of known kind, checked and canonicalised. */
export function canonicalSan(kind: SanKind, value: string, entry = value): SanEntry {
  if (!value) throw bad(entry, 'has no value after its prefix');
  switch (kind) {
    case 'dns':
      return { kind, value: canonicalDnsName(value, entry) };
    case 'ip':
      return { kind, value: canonicalIp(value, entry) };
    case 'email':
      return { kind, value: canonicalEmail(value, entry) };
    case 'uri':
      return { kind, value: canonicalUri(value, entry) };
  }
}

/** Detect the kind of an entry without a prefix. */
function detect(entry: string): SanEntry {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(entry) || /^urn:/i.test(entry)) return canonicalSan('uri', entry);
  if (entry.startsWith('[') && entry.endsWith(']')) return canonicalSan('ip', entry.slice(1, -1), entry);
  const colon = /^([A-Za-z][A-Za-z0-9 ]*):/.exec(entry);
  if (colon && !/^[0-9a-f]{1,4}$/i.test(colon[1] ?? '')) {
    throw bad(entry, `has an unknown kind "${colon[1] ?? ''}" (use DNS:, IP:, email: or URI:)`);
  }
  if (entry.includes(':')) return canonicalSan('ip', entry);
  if (entry.includes('@')) return canonicalSan('email', entry);
  if (/^[\d.]+$/.test(entry)) return canonicalSan('ip', entry);
  return canonicalSan('dns', entry);
}

/** Parse one entry, with or without prefix. */
export function parseSan(entry: string): SanEntry {
  const m = /^([A-Za-z][A-Za-z0-9 ]*?)\s*:\s*(.*)$/.exec(entry);
  const prefix = m?.[1]?.toLowerCase();
  if (m && prefix !== undefined) {
    const kind = PREFIXES[prefix];
    if (kind) return canonicalSan(kind, (m[2] ?? '').trim(), entry);
    if (UNSUPPORTED_KINDS.has(prefix))
      throw bad(entry, `has a SAN kind certbench does not issue ("${m[1] ?? ''}"; use DNS:, IP:, email: or URI:)`);
  }
  return detect(entry);
}

/** Split pasted text into entries: commas, whitespace, newlines; openssl's "IP Address:" kept whole. */
export function splitSanText(text: string): string[] {
  return text
    .replace(/IP Address\s*:/gi, 'IP:')
    .replace(/\b(DNS|IP|email|URI)\s*:\s+/gi, '$1:')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** One bad entry of a SAN list: the entry as typed and the error naming it. */
export interface SanProblem {
  entry: string;
  error: PkiError;
}

/** Every entry of a SAN list checked: the good ones canonical, and every bad one. */
export interface SanCheck {
  /** Canonical entries, duplicates dropped (order kept): what parseSans returns when `problems` is empty. */
  sans: SanEntry[];
  /** One per distinct bad entry, in the order typed. */
  problems: SanProblem[];
}

/**
 * Check every entry of the forgiving text form instead of stopping at the first bad one, so a
 * form can name all of them at once. Never throws for bad entries.
 */
export function checkSans(text: string): SanCheck {
  const sans: SanEntry[] = [];
  const problems: SanProblem[] = [];
  const seen = new Set<string>();
  const seenBad = new Set<string>();
  for (const entry of splitSanText(text)) {
    let san: SanEntry;
    try {
      san = parseSan(entry);
    } catch (e) {
      if (!(e instanceof PkiError)) throw e;
      if (!seenBad.has(entry)) {
        seenBad.add(entry);
        problems.push({ entry, error: e });
      }
      continue;
    }
    const key = `${san.kind}:${san.value}`;
    if (!seen.has(key)) {
      seen.add(key);
      sans.push(san);
    }
  }
  return { sans, problems };
}

/**
 * One sentence naming every bad entry: the entry's own message when there is one, otherwise
 * `2 entries are not valid: "a_b" is not a valid DNS name (…); "10.0.0.300" is not an IPv4 or
 * IPv6 address.` Undefined when there is none.
 */
export function sanProblemsText(problems: readonly SanProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  if (problems.length === 1) return problems[0]?.error.message;
  return `${problems.length} entries are not valid: ${problems.map((p) => p.error.message.replace(/\.$/, '')).join('; ')}.`;
}

/**
 * Parse the forgiving text form into canonical entries, duplicates dropped (order kept).
 * Throws PkiError('invalid-san', 'sans', …) naming the first bad entry (checkSans names them all).
 */
export function parseSans(text: string): SanEntry[] {
  const { sans, problems } = checkSans(text);
  if (problems[0]) throw problems[0].error;
  return sans;
}

/** Accept either the text form or already parsed entries (re-checked), for the core's callers. */
export function normalizeSans(input: string | readonly SanEntry[] | undefined): SanEntry[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return parseSans(input);
  return parseSans(input.map((s) => `${PREFIX_OF[s.kind]}:${s.value}`).join('\n'));
}

const PREFIX_OF: Record<SanKind, string> = { dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' };

/** The openssl-style text of an entry, e.g. "DNS:node1.example", "IP:10.0.0.1". */
export function formatSan(san: SanEntry): string {
  return `${PREFIX_OF[san.kind]}:${san.value}`;
}

/**
 * The SAN a common name stands for, when it is a host name or an IP address (node and server
 * certificates put it in the SANs: clients match SANs, not the CN). Undefined for a CN such
 * as "Cluster admin".
 */
export function sanFromCommonName(commonName: string): SanEntry | undefined {
  const cn = commonName.trim();
  if (!cn || /[\s,;@/]/.test(cn)) return undefined;
  try {
    const ip = parseIp(cn.startsWith('[') && cn.endsWith(']') ? cn.slice(1, -1) : cn);
    if (ip) return { kind: 'ip', value: ip.text };
    if (/^[\d.]+$/.test(cn)) return undefined;
    return { kind: 'dns', value: canonicalDnsName(cn) };
  } catch {
    return undefined;
  }
}

/** The SANs of a node/server certificate: the CN's SAN first when it is a host or IP, then the rest. */
export function withCommonNameSan(commonName: string, sans: readonly SanEntry[]): SanEntry[] {
  return withSanFirst(sanFromCommonName(commonName), sans);
}

/** `first` ahead of `sans` unless they list it already; a copy either way. */
export function withSanFirst(first: SanEntry | undefined, sans: readonly SanEntry[]): SanEntry[] {
  if (!first || sans.some((s) => s.kind === first.kind && s.value === first.value)) return [...sans];
  return [first, ...sans];
}
