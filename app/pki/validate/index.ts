/**
 * Certification path validation (RFC 5280 §6) with path building, host matching and a
 * diagnosis in plain words. Written here rather than borrowed: @peculiar/x509's
 * X509ChainBuilder takes the first issuer it finds and checks no rules, and pkijs accepts
 * invalid chains and does not return on cyclic intermediates.
 */
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import type { Finding } from '../findings.ts';
import { PkiError } from '../errors.ts';
import { defaultCrypto } from '../crypto.ts';
import { diagnosis } from '../diagnose/catalog.ts';
import { certAdvice } from '../diagnose/chain-advice.ts';
import type { Position } from '../lint/rule.ts';
import { CLIENT_IDS, type ClientId, type ClientVerdict } from './clients.ts';
import { CLIENT_PROFILES, type PathFinding } from './client-profiles.ts';
import { certFacts } from '../model/cert-facts.ts';
import { candidatePaths, DEFAULT_BOUNDS, type BuildBounds, type Candidate } from './path-builder.ts';
import { checkCertificateItself, checkPath, checkPurpose, partialChain, type Purpose } from './path-checks.ts';
import { looseWildcardMatch, matchHost } from './host.ts';
import { signatureChecker } from '../signatures/checker.ts';
import { crlFactsFromDer, type CrlFacts } from './crl-facts.ts';
import { checkRevocation } from './revocation.ts';
import { signatureVerifier } from '../signatures/verify-signature.ts';

export type { Purpose } from './path-checks.ts';
export { CLIENT_IDS, isClientId, type ClientId, type ClientVerdict } from './clients.ts';
export { CLIENT_PROFILES, type ClientProfile } from './client-profiles.ts';
export type { Position } from '../lint/rule.ts';
export { matchHost, type HostMatch } from './host.ts';

/** A certificate as @peculiar/x509 parsed it, or its DER. */
export type CertInput = X509Certificate | ArrayBuffer | Uint8Array;

export interface ValidateOptions {
  leaf: CertInput;
  /** Untrusted certificates that may complete the path, in any order; duplicates are fine. */
  intermediates?: CertInput[];
  /** Trusted CAs. A path must end at one of them; their own validity is not checked (RFC 5280 §6.1.1 (d)). */
  anchors: CertInput[];
  /** Validation time; default now. Validity bounds are inclusive. */
  at?: Date;
  /** Require the extendedKeyUsage for a TLS server or client (absent EKU allows both). */
  purpose?: Purpose;
  /** A DNS name or IP (v4, v6, bracketed v6) the leaf must cover, as a TLS client checks it. */
  host?: string;
  bounds?: Partial<BuildBounds>;
  /**
   * DER CRLs. When given, each certificate below the anchor of a path that passes every other
   * check is looked up in the CRLs that name its issuer (RFC 5280 §6.3, basic case; see
   * revocation.ts). Without this option nothing is checked for revocation.
   */
  crls?: (ArrayBuffer | Uint8Array)[];
  /** Whose verdict sets `valid`, the chain and which findings are errors; default 'rfc5280'. */
  client?: ClientId;
}

import type { Refusal, ValidationResult } from '../verdicts.ts';

export type { Refusal, ValidationResult };

function toCert(input: CertInput, field: string): X509Certificate {
  if (input instanceof X509Certificate) return input;
  try {
    return new X509Certificate(new Uint8Array(input));
  } catch (e) {
    throw new PkiError('invalid-der', field, 'This is not a DER certificate.', { cause: e });
  }
}

/** Certificates @peculiar/x509 accepts but whose DER our stricter reading refuses take no part in a path. */
function toCrl(input: ArrayBuffer | Uint8Array): CrlFacts {
  try {
    return crlFactsFromDer(new Uint8Array(input));
  } catch (e) {
    throw new PkiError('invalid-der', 'crls', 'This is not a DER CRL (RFC 5280 §5.1).', { cause: e });
  }
}

function readable(c: X509Certificate): boolean {
  try {
    certFacts(c);
    return true;
  } catch {
    return false;
  }
}

function derKey(c: X509Certificate): string {
  return Convert.ToBase64(c.rawData);
}

/** Problems of a path that reaches no anchor, for the diagnosis. */
function stuckFindings(c: Candidate): Finding[] {
  const top = c.path[c.path.length - 1];
  if (!top) return [];
  const f = certFacts(top);
  if (c.stuck === 'depth')
    return [
      diagnosis('path-not-found', {
        cert: c.path[0]?.subject ?? '',
        detail: 'The chain is longer than the depth bound.',
      }),
    ];
  if (f.selfIssued) return [diagnosis('untrusted-root', { cert: top.subject })];
  return [diagnosis('missing-intermediate', { cert: top.subject, detail: top.issuer })];
}

/** A path judged once: its chain and every finding, for each client to read. */
interface Judged {
  chain: X509Certificate[];
  findings: PathFinding[];
  complete: boolean;
}

/** A client's pick so far: the path it accepts, or the most telling one it refuses. */
interface Pick {
  judged: Judged;
  refused: PathFinding[];
  accepts: boolean;
}

/** Validation time at second granularity: certificates encode whole seconds (RFC 5280 §4.1.2.5). */
function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/**
 * Build and validate a path from `leaf` to one of `anchors`, trying alternatives until one
 * validates for each client (CLIENT_IDS). Never throws for an invalid chain (that is a
 * result); throws PkiError 'invalid-der' (field leaf, intermediates or anchors) when an
 * input is not a certificate and 'invalid-argument' (field host) when `host` is neither a
 * host name nor an IP address, and 'invalid-der' (field crls) when one of `crls` is not a DER CRL.
 * Beyond RFC 5280 §6, as OpenSSL, Go and Java do: the anchor's validity, name constraints and
 * path length count, and a leaf's keyUsage must allow the TLS role. The §4 profile (key
 * identifiers, criticality, well-formed names, ...) is checked on every certificate; weak keys
 * and SHA-1 signatures too. Which of those refuse is each client's call (client-profiles.ts);
 * `options.client` (default rfc5280) picks the verdict that sets `valid`, the chain and which
 * findings are errors. Certificate facts are computed once per certificate and each path is
 * checked once, whatever the number of clients.
 */
export async function validatePath(
  options: ValidateOptions,
  crypto: Crypto = defaultCrypto(),
): Promise<ValidationResult> {
  const at = wholeSeconds(options.at ?? new Date());
  const chosen = options.client ?? 'rfc5280';
  const leaf = toCert(options.leaf, 'leaf');
  if (!readable(leaf))
    return finish(
      chosen,
      [leaf],
      [diagnosis('unreadable-certificate', { cert: 'The leaf', detail: 'Its DER does not decode as RFC 5280 says.' })],
    );
  const anchors = options.anchors.map((a) => toCert(a, 'anchors')).filter(readable);
  const anchorKeys = new Set(anchors.map(derKey));
  const seen = new Set<string>();
  const pool = (options.intermediates ?? [])
    .map((c) => toCert(c, 'intermediates'))
    .filter(readable)
    .filter((c) => {
      const k = derKey(c);
      return !anchorKeys.has(k) && !seen.has(k) && (seen.add(k), true);
    });
  // A trusted CA that is not self-signed may also be a step towards a root that is trusted too:
  // OpenSSL's default goes on to that root rather than stop at it (see partialChain).
  pool.push(...anchors.filter((a) => !certFacts(a).selfIssued));
  const bounds = { ...DEFAULT_BOUNDS, ...options.bounds };
  const verifySignature = signatureChecker(crypto);
  const hostFindings = options.host === undefined ? [] : checkHost(leaf, options.host);
  // No CRLs given (absent or empty) means no revocation checking at all, and no findings about it.
  const crls = options.crls?.length ? options.crls.map(toCrl) : undefined;
  const crlVerifier = crls ? signatureVerifier(crypto) : null;

  // A trusted leaf is its own anchor: only what is about the leaf itself is checked.
  const leafKey = derKey(leaf);
  const trustedLeaf = anchors.find((a) => derKey(a) === leafKey);
  if (trustedLeaf) {
    const f = certFacts(leaf);
    const here = (x: Finding): PathFinding => ({ ...x, position: 'leaf', facts: f });
    const findings = [
      ...checkCertificateItself(leaf, f, at),
      ...checkPurpose(leaf, f, options.purpose, true),
      ...hostFindings,
    ].map(here);
    return finish(
      chosen,
      [leaf],
      [...findings, ...certAdvice(leaf, true, true).map(here), ...partialChain(leaf, f, 'leaf')],
    );
  }

  const picks = new Map<ClientId, Pick>();
  const undecided = () => CLIENT_IDS.filter((id) => !picks.get(id)?.accepts);
  for (const candidate of candidatePaths(leaf, pool, anchors, at, bounds)) {
    const reversed = [...candidate.path].reverse();
    const purpose = options.purpose ? { purpose: options.purpose } : {};
    const findings: PathFinding[] = candidate.anchor
      ? await checkPath({ anchor: candidate.anchor, path: reversed, at, ...purpose, verifySignature })
      : [
          ...stuckFindings(candidate),
          ...(await checkPath({ anchor: null, path: reversed, at, ...purpose, verifySignature })),
        ];
    const chain = candidate.anchor ? [...candidate.path, candidate.anchor] : candidate.path;
    const judged: Judged = {
      chain,
      findings: [...findings, ...hostFindings, ...adviceFor(chain, candidate.anchor !== null)],
      complete: candidate.anchor !== null,
    };
    const open = undecided();
    // Revocation last, and only for a complete path some undecided client accepts so far.
    if (
      crls &&
      crlVerifier &&
      candidate.anchor &&
      open.some((id) => !judged.findings.some(CLIENT_PROFILES[id].refuses))
    ) {
      judged.findings.push(
        ...(await checkRevocation({
          anchor: candidate.anchor,
          path: reversed,
          at,
          crls,
          verifier: crlVerifier,
          others: pool,
        })),
      );
    }
    for (const id of open) {
      const refused = judged.findings.filter(CLIENT_PROFILES[id].refuses);
      const pick: Pick = { judged, refused, accepts: judged.complete && refused.length === 0 };
      const old = picks.get(id);
      if (!old || pick.accepts || better(pick, old)) picks.set(id, pick);
    }
    if (undecided().length === 0) break;
  }
  const verdicts = Object.fromEntries(
    CLIENT_IDS.map((id) => {
      const pick = picks.get(id);
      return [
        id,
        pick ? (pick.accepts ? [] : pick.refused) : [{ ...diagnosis('path-not-found', { cert: leaf.subject }) }],
      ];
    }),
  ) as Record<ClientId, PathFinding[]>;
  const mine = picks.get(chosen);
  if (!mine)
    return finish(chosen, [leaf], [diagnosis('path-not-found', { cert: leaf.subject }), ...hostFindings], verdicts);
  return finish(chosen, mine.judged.chain, mine.judged.findings, verdicts);
}

/** Weak keys and hashes of each certificate of a path, tagged with where it sits. */
function adviceFor(chain: X509Certificate[], complete: boolean): PathFinding[] {
  return chain.flatMap((cert, i) => {
    const isTop = i === chain.length - 1;
    const position: Position = i === 0 ? 'leaf' : isTop && complete ? 'anchor' : 'intermediate';
    return certAdvice(cert, i === 0, isTop).map((x) => ({ ...x, position, facts: certFacts(cert) }));
  });
}

/**
 * A refused path is more telling when it reaches an anchor, then when fewer of its findings
 * are refused, when it was refused only for revocation, then when it is longer.
 */
function better(a: Pick, b: Pick): boolean {
  if (a.judged.complete !== b.judged.complete) return a.judged.complete;
  const ra = revokedOnly(a.refused);
  if (ra !== revokedOnly(b.refused)) return ra;
  if (a.refused.length !== b.refused.length) return a.refused.length < b.refused.length;
  return a.judged.chain.length > b.judged.chain.length;
}

const REVOCATION_CODES = new Set(['revoked', 'revocation-unknown']);
const revokedOnly = (refused: PathFinding[]) =>
  refused.length > 0 && refused.every((f) => REVOCATION_CODES.has(f.code));

function checkHost(leaf: X509Certificate, host: string): PathFinding[] {
  const facts = certFacts(leaf);
  const m = matchHost(facts, host);
  const here = (f: Finding): PathFinding => ({ ...f, position: 'leaf', facts });
  if (m.ok) return m.by === 'cn' ? [here(diagnosis('host-matched-by-cn', { host }))] : [];
  if (m.code === 'invalid-host')
    throw new PkiError('invalid-argument', 'host', `"${host}" is neither a host name nor an IP address.`);
  // Wildcards some clients accept and RFC 6125 does not (client-profiles.ts says which).
  const loose = m.code === 'host-mismatch' ? looseWildcardMatch(facts, host) : null;
  if (loose) return [here(diagnosis(loose.code, { host, detail: loose.presented }))];
  const detail = m.presented.length ? `it has ${m.presented.join(', ')}` : 'it has none';
  return [here(diagnosis(m.code, { host, detail }))];
}

/**
 * The result as `client` sees it: its refusals are the errors; another §6 or catalog error is
 * a warning (another client refuses it); a profile rule it does not refuse is left to the
 * `clients` verdicts, which name it for the clients that do. Findings are plain again.
 */
function finish(
  client: ClientId,
  chain: X509Certificate[],
  findings: PathFinding[],
  refusedBy?: Record<ClientId, PathFinding[]>,
): ValidationResult {
  const refuses = CLIENT_PROFILES[client].refuses;
  const seen = new Set<string>();
  const all: Finding[] = [];
  for (const f of findings) {
    const key = f.code + f.message;
    if (seen.has(key)) continue;
    seen.add(key);
    const refused = refuses(f);
    if (f.profile && !refused) continue;
    const severity = refused ? 'error' : f.severity === 'error' ? 'warning' : f.severity;
    all.push({ code: f.code, severity, message: f.message });
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  all.sort((a, b) => rank[a.severity] - rank[b.severity]);
  const valid = !all.some((f) => f.severity === 'error');
  const refused = (id: ClientId) => refusedBy?.[id] ?? findings.filter(CLIENT_PROFILES[id].refuses);
  const clients: ClientVerdict[] = [];
  const refusals: Partial<Record<ClientId, Refusal[]>> = {};
  for (const id of CLIENT_IDS) {
    const list = refused(id);
    clients.push({
      id,
      name: CLIENT_PROFILES[id].name,
      accepts: list.length === 0,
      findings: [...new Set(list.map((f) => f.code))],
    });
    if (list.length) refusals[id] = uniqueRefusals(list);
  }
  return { valid, chain, findings: all, clients, refusals };
}

function uniqueRefusals(list: PathFinding[]): Refusal[] {
  const seen = new Set<string>();
  const out: Refusal[] = [];
  for (const f of list) {
    const key = `${f.code}@${f.position ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f.position ? { code: f.code, position: f.position } : { code: f.code });
  }
  return out;
}
