/**
 * How loaded items relate: which certificate issued which (names compared per RFC 5280 §7.1
 * and the signature checked), chains from each leaf up to a root, which key belongs to which
 * certificate or CSR (SubjectPublicKeyInfo compared byte for byte), and duplicates. Plain
 * data out: indices into the input list and SHA-256 ids, so it crosses worker and store
 * boundaries as is.
 */
import { Convert } from 'pvtsutils';
import { defaultCrypto } from '../crypto.ts';
import { certFactsFromDer, type CertFacts } from '../validate/cert-facts.ts';
import { nameKey } from '../validate/der-names.ts';
import { children, isUniversal, parseDer, TAG } from '../validate/der.ts';
import { signatureVerifier } from '../validate/verify-signature.ts';

/** One loaded thing. Keys are given as their public half (SPKI DER), whatever form the private key came in. */
export type RelationItem =
  | { kind: 'certificate'; der: ArrayBuffer | Uint8Array }
  | { kind: 'csr'; der: ArrayBuffer | Uint8Array }
  | { kind: 'key'; spki: ArrayBuffer | Uint8Array };

export interface Relations {
  /** SHA-256 (lowercase hex) of each item's DER (a key's: of its SPKI), in input order. */
  ids: string[];
  /** `issuer` signed `subject` (both certificate indices); the signature verified. Self-signed certificates appear with subject === issuer. */
  issuedBy: { subject: number; issuer: number }[];
  /** For each certificate that issued nothing: the path of indices from it upward, ending at a self-signed root when one is loaded. */
  chains: number[][];
  /** A key (index) whose public key is the one in a certificate or CSR (index). */
  keyMatches: { key: number; item: number }[];
  /** Groups of indices holding the same DER (same certificate loaded twice, and so on). */
  duplicates: number[][];
  /** Groups of certificate or CSR indices that carry the same public key (renewals, re-issues). */
  sameKey: number[][];
  /** Indices of items that could not be decoded as their kind. */
  unreadable: number[];
}

const MAX_CHAIN = 16;

interface Parsed { index: number; facts?: CertFacts; spki?: Uint8Array; der: Uint8Array }

/** The SubjectPublicKeyInfo of a PKCS#10 CertificationRequest (RFC 2986 §4.1). */
function csrSpki(der: Uint8Array): Uint8Array {
  const spki = children(children(parseDer(der))[0])[2];
  if (!isUniversal(spki, TAG.SEQUENCE)) throw new Error('not a CSR');
  return spki.der;
}

function parse(item: RelationItem, index: number): Parsed {
  if (item.kind === 'key') return { index, spki: new Uint8Array(item.spki), der: new Uint8Array(item.spki) };
  const der = new Uint8Array(item.der);
  try {
    if (item.kind === 'certificate') {
      const facts = certFactsFromDer(der);
      return { index, facts, spki: facts.spki, der };
    }
    return { index, spki: csrSpki(der), der };
  } catch {
    return { index, der };
  }
}

const spkiHexCache = new WeakMap<Parsed, string>();
function spkiHexOf(p: Parsed): string {
  let hex = spkiHexCache.get(p);
  if (hex === undefined) spkiHexCache.set(p, (hex = p.spki ? Convert.ToHex(p.spki) : ''));
  return hex;
}

function groupBy<T>(values: T[], key: (v: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const v of values) {
    const k = key(v);
    if (k === undefined) continue;
    const g = groups.get(k) ?? [];
    g.push(v);
    groups.set(k, g);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Relate every item to every other. Never throws for bad items; they are listed in `unreadable`. */
export async function relate(items: RelationItem[], crypto: Crypto = defaultCrypto()): Promise<Relations> {
  const parsed = items.map(parse);
  const ids = await Promise.all(parsed.map(async (p) => Convert.ToHex(await crypto.subtle.digest('SHA-256', new Uint8Array(p.der)))));
  const certs = parsed.filter((p): p is Parsed & { facts: CertFacts } => p.facts !== undefined);
  const verifier = signatureVerifier(crypto);

  // Index issuers by subject name, and check each (certificate, issuer key) pair once: corpora
  // hold many certificates under one name and key, and a signature check is the costly part.
  const bySubject = new Map<string, (Parsed & { facts: CertFacts })[]>();
  for (const c of certs) {
    const k = nameKey(c.facts.subject);
    bySubject.set(k, [...(bySubject.get(k) ?? []), c]);
  }
  // Subjects are checked concurrently (WebCrypto verifies off the JS thread, on every core);
  // the result keeps input order.
  const issuersPerSubject = await Promise.all(
    certs.map(async (s) => {
      const found: Relations['issuedBy'] = [];
      const byKey = new Map<string, boolean>();
      const aki = s.facts.authorityKeyId;
      for (const i of bySubject.get(nameKey(s.facts.issuer)) ?? []) {
        // As OpenSSL's X509_check_akid: a key identifier that names another key rules the candidate out.
        const ski = i.facts.subjectKeyId;
        if (aki && ski !== undefined && aki !== ski) continue;
        const key = spkiHexOf(i);
        let ok = byKey.get(key);
        if (ok === undefined) byKey.set(key, (ok = (await verifier.verify(s.facts, i.facts)) === true));
        if (ok) found.push({ subject: s.index, issuer: i.index });
      }
      return found;
    }),
  );
  const issuedBy: Relations['issuedBy'] = issuersPerSubject.flat();

  const issuersOf = (n: number) => issuedBy.filter((e) => e.subject === n && e.issuer !== n).map((e) => e.issuer);
  const isRoot = (n: number) => issuedBy.some((e) => e.subject === n && e.issuer === n);
  /** Depth-first to a self-signed root; the longest path when none is reachable. */
  const climb = (path: number[]): number[] => {
    const top = path[path.length - 1] ?? -1;
    if (isRoot(top) || path.length >= MAX_CHAIN) return path;
    let best = path;
    for (const next of issuersOf(top)) {
      if (path.includes(next)) continue;
      const found = climb([...path, next]);
      if (isRoot(found[found.length - 1] ?? -1)) return found;
      if (found.length > best.length) best = found;
    }
    return best;
  };
  const issuesSomething = new Set(issuedBy.filter((e) => e.subject !== e.issuer).map((e) => e.issuer));
  const chains = certs.filter((c) => !issuesSomething.has(c.index)).map((c) => climb([c.index]));

  const spkiHex = (p: Parsed) => (p.spki ? spkiHexOf(p) : undefined);
  const keyMatches: Relations['keyMatches'] = [];
  for (const key of parsed.filter((p) => items[p.index]?.kind === 'key')) {
    for (const other of parsed) {
      if (items[other.index]?.kind !== 'key' && other.spki && spkiHex(other) === spkiHex(key)) keyMatches.push({ key: key.index, item: other.index });
    }
  }

  return {
    ids,
    issuedBy,
    chains,
    keyMatches,
    duplicates: groupBy(parsed, (p) => ids[p.index]).map((g) => g.map((p) => p.index)),
    sameKey: groupBy(parsed.filter((p) => items[p.index]?.kind !== 'key'), spkiHex)
      .map((g) => g.map((p) => p.index))
      .filter((g) => new Set(g.map((i) => ids[i])).size > 1),
    unreadable: parsed.filter((p) => items[p.index]?.kind !== 'key' && !p.spki).map((p) => p.index),
  };
}
