/**
 * How loaded items relate: which certificate issued which (names compared per RFC 5280 §7.1
 * and the signature checked), chains from each leaf up to a root, which key belongs to which
 * certificate or CSR (SubjectPublicKeyInfo compared byte for byte), and duplicates. Plain
 * data out: indices into the input list and SHA-256 ids, so it crosses worker and store
 * boundaries as is.
 */
import { Convert } from 'pvtsutils';
import { defaultCrypto } from '../crypto.ts';
import { certFactsFromDer, certFactsOfBuffer, type CertFacts } from '../model/cert-facts.ts';
import { nameKey } from '../model/names.ts';
import { children, isUniversal, parseDer, TAG } from '../asn1/der-node.ts';
import { signatureVerifier } from '../signatures/verify-signature.ts';
import { bytesKey } from '../bytes-key.ts';
import { bufferSource } from '../signatures/buffer-source.ts';
import { localBatch, type BatchVerifier, type SignaturePair } from '../signatures/batch-verify.ts';

/**
 * One loaded thing. Keys are given as their public half (SPKI DER), whatever form the private key
 * came in. `sha256` (lowercase hex of the DER) may be given when the caller has it already (the
 * reader fingerprints every certificate): it is the item's id, and hashing it again is saved.
 */
export type RelationItem =
  | { kind: 'certificate'; der: ArrayBuffer | Uint8Array; sha256?: string }
  | { kind: 'csr'; der: ArrayBuffer | Uint8Array; sha256?: string }
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

interface Parsed {
  index: number;
  facts?: CertFacts;
  /** The SubjectPublicKeyInfo as a Map key (see bytesKey); absent when the item did not decode. */
  spkiKey?: string;
  der: Uint8Array;
}
/** A certificate, with its subject's and issuer's nameKey made once (one string for a self-issued one). */
type ParsedCert = Parsed & { facts: CertFacts; spkiKey: string; subjectKey: string; issuerKey: string };

/** The bytes as given, without a copy (`new Uint8Array(aUint8Array)` would copy). */
function view(bytes: ArrayBuffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** The SubjectPublicKeyInfo of a PKCS#10 CertificationRequest (RFC 2986 §4.1). */
function csrSpki(der: Uint8Array): Uint8Array {
  const spki = children(children(parseDer(der))[0])[2];
  if (!isUniversal(spki, TAG.SEQUENCE)) throw new Error('not a CSR');
  return spki.der;
}

function parse(item: RelationItem, index: number): Parsed | ParsedCert {
  if (item.kind === 'key') {
    const spki = view(item.spki);
    return { index, spkiKey: bytesKey(spki), der: spki };
  }
  const der = view(item.der);
  try {
    if (item.kind === 'certificate') {
      const facts = item.der instanceof ArrayBuffer ? certFactsOfBuffer(item.der) : certFactsFromDer(der);
      const subjectKey = nameKey(facts.subject);
      const issuerKey = facts.issuer === facts.subject ? subjectKey : nameKey(facts.issuer);
      return { index, facts, spkiKey: bytesKey(facts.spki), der, subjectKey, issuerKey };
    }
    return { index, spkiKey: bytesKey(csrSpki(der)), der };
  } catch {
    return { index, der };
  }
}

function groupBy<T>(values: T[], key: (v: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const v of values) {
    const k = key(v);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g) g.push(v);
    else groups.set(k, [v]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * Every (certificate, issuer) pair whose names chain (RFC 5280 §7.1) and whose signature
 * verifies, self-signed certificates included (subject === issuer): each such edge is backed
 * by a signature check made here, never inferred from names or key identifiers alone.
 */
async function issuances(certs: ParsedCert[], verify: BatchVerifier): Promise<Relations['issuedBy']> {
  // Index issuers by subject name, and check each (certificate, issuer key) pair once: corpora
  // hold many certificates under one name and key, and a signature check is the costly part.
  const bySubject = new Map<string, ParsedCert[]>();
  for (const c of certs) {
    const same = bySubject.get(c.subjectKey);
    if (same) same.push(c);
    else bySubject.set(c.subjectKey, [c]);
  }
  const candidates = certs.map((s) => {
    const aki = s.facts.authorityKeyId;
    // As OpenSSL's X509_check_akid: a key identifier that names another key rules the candidate out.
    return (bySubject.get(s.issuerKey) ?? []).filter((i) => {
      const ski = i.facts.subjectKeyId;
      return !(aki && ski !== undefined && aki !== ski);
    });
  });
  // One check per (subject, distinct candidate key), all asked at once, so that the verifier can
  // share them between threads; the edges keep input order.
  const asked: { subject: number; spkiKey: string; pair: SignaturePair }[] = [];
  certs.forEach((s, n) => {
    const keys = new Set<string>();
    for (const i of candidates[n]!) {
      if (keys.has(i.spkiKey)) continue;
      keys.add(i.spkiKey);
      asked.push({ subject: n, spkiKey: i.spkiKey, pair: { child: s.facts, issuer: i.facts } });
    }
  });
  const answers = await Promise.all(verify(asked.map((a) => a.pair)));
  const verified = new Set(asked.filter((_, k) => answers[k] === true).map((a) => `${a.subject} ${a.spkiKey}`));
  return certs.flatMap((s, n) =>
    candidates[n]!.filter((i) => verified.has(`${n} ${i.spkiKey}`)).map((i) => ({ subject: s.index, issuer: i.index })),
  );
}

/** For each certificate that issued nothing, the path upward: depth first to a self-signed root, else the longest. */
function chainsOf(certs: ParsedCert[], issuedBy: Relations['issuedBy']): number[][] {
  const roots = new Set<number>();
  const issuers = new Map<number, number[]>();
  for (const e of issuedBy) {
    if (e.subject === e.issuer) {
      roots.add(e.subject);
      continue;
    }
    const up = issuers.get(e.subject);
    if (up) up.push(e.issuer);
    else issuers.set(e.subject, [e.issuer]);
  }
  const isRoot = (n: number) => roots.has(n);
  const climb = (path: number[]): number[] => {
    const top = path[path.length - 1] ?? -1;
    if (isRoot(top) || path.length >= MAX_CHAIN) return path;
    let best = path;
    for (const next of issuers.get(top) ?? []) {
      if (path.includes(next)) continue;
      const found = climb([...path, next]);
      if (isRoot(found[found.length - 1] ?? -1)) return found;
      if (found.length > best.length) best = found;
    }
    return best;
  };
  const issuesSomething = new Set(issuedBy.filter((e) => e.subject !== e.issuer).map((e) => e.issuer));
  return certs.filter((c) => !issuesSomething.has(c.index)).map((c) => climb([c.index]));
}

async function sha256Hex(der: Uint8Array, crypto: Crypto): Promise<string> {
  return Convert.ToHex(await crypto.subtle.digest('SHA-256', bufferSource(der)));
}

function knownId(item: RelationItem | undefined): string | undefined {
  return item && item.kind !== 'key' ? item.sha256 : undefined;
}

/**
 * Relate every item to every other. Never throws for bad items; they are listed in `unreadable`.
 * The signature checks go through `verify`: by default all on this thread, through `crypto`.
 */
export async function relate(
  items: RelationItem[],
  crypto: Crypto = defaultCrypto(),
  verify: BatchVerifier = localBatch(signatureVerifier(crypto)),
): Promise<Relations> {
  const parsed = items.map(parse);
  const certs = parsed.filter((p): p is ParsedCert => p.facts !== undefined && 'subjectKey' in p);
  // The digests run while the signatures are checked.
  const [ids, issuedBy] = await Promise.all([
    Promise.all(parsed.map(async (p) => knownId(items[p.index]) ?? (await sha256Hex(p.der, crypto)))),
    issuances(certs, verify),
  ]);

  const isKey = (p: Parsed) => items[p.index]?.kind === 'key';
  const holders = new Map<string, number[]>();
  for (const p of parsed) {
    if (isKey(p) || p.spkiKey === undefined) continue;
    const same = holders.get(p.spkiKey);
    if (same) same.push(p.index);
    else holders.set(p.spkiKey, [p.index]);
  }
  const keyMatches: Relations['keyMatches'] = parsed
    .filter(isKey)
    .flatMap((key) => (holders.get(key.spkiKey ?? '') ?? []).map((item) => ({ key: key.index, item })));

  return {
    ids,
    issuedBy,
    chains: chainsOf(certs, issuedBy),
    keyMatches,
    duplicates: groupBy(parsed, (p) => ids[p.index]).map((g) => g.map((p) => p.index)),
    sameKey: groupBy(
      parsed.filter((p) => !isKey(p)),
      (p) => p.spkiKey,
    )
      .map((g) => g.map((p) => p.index))
      .filter((g) => new Set(g.map((i) => ids[i])).size > 1),
    unreadable: parsed.filter((p) => !isKey(p) && p.spkiKey === undefined).map((p) => p.index),
  };
}
