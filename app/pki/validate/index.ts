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
import { chainAdvice } from '../diagnose/chain-advice.ts';
import { certFacts } from './cert-facts.ts';
import { candidatePaths, DEFAULT_BOUNDS, type BuildBounds, type Candidate } from './path-builder.ts';
import { checkCertificateItself, checkPath, checkPurpose, type Purpose } from './path-checks.ts';
import { matchHost } from './host.ts';
import { signatureChecker } from './signature.ts';
import { crlFactsFromDer, type CrlFacts } from './crl-facts.ts';
import { checkRevocation } from './revocation.ts';
import { signatureVerifier } from './verify-signature.ts';

export type { Purpose } from './path-checks.ts';
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
}

export interface ValidationResult {
  valid: boolean;
  /** Leaf first, trust anchor last; for an invalid result, the path the findings are about. */
  chain: X509Certificate[];
  /** Errors that make the result invalid, then warnings and notes about the chain. */
  findings: Finding[];
}

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
  if (c.stuck === 'depth') return [diagnosis('path-not-found', { cert: c.path[0]?.subject ?? '', detail: 'The chain is longer than the depth bound.' })];
  if (f.selfIssued) return [diagnosis('untrusted-root', { cert: top.subject })];
  return [diagnosis('missing-intermediate', { cert: top.subject, detail: top.issuer })];
}

const errorsIn = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').length;

/**
 * Build and validate a path from `leaf` to one of `anchors`, trying alternatives until one
 * validates. Never throws for an invalid chain (that is a result); throws PkiError
 * 'invalid-der' (field leaf, intermediates or anchors) when an input is not a certificate and
 * 'invalid-argument' (field host) when `host` is neither a host name nor an IP address, and
 * 'invalid-der' (field crls) when one of `crls` is not a DER CRL.
 * Beyond RFC 5280 §6, as OpenSSL, Go and Java do: the anchor's validity, name constraints and
 * path length count, and a leaf's keyUsage must allow the TLS role. Weak keys and SHA-1
 * signatures are errors (OpenSSL's security levels refuse them); missing key identifiers are
 * warnings (Python's VERIFY_X509_STRICT refuses them).
 */
export async function validatePath(options: ValidateOptions, crypto: Crypto = defaultCrypto()): Promise<ValidationResult> {
  const at = options.at ?? new Date();
  const leaf = toCert(options.leaf, 'leaf');
  if (!readable(leaf)) return finish([leaf], [diagnosis('unreadable-certificate', { cert: 'The leaf', detail: 'Its DER does not decode as RFC 5280 says.' })]);
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
    const errors = [...checkCertificateItself(leaf, f, at), ...checkPurpose(leaf, f, options.purpose, true), ...hostFindings];
    return finish([leaf], errors);
  }

  let best: { chain: X509Certificate[]; findings: Finding[]; complete: boolean } | null = null;
  // The first path that failed by revocation alone: it says more than any other path's errors.
  let revokedPath: { chain: X509Certificate[]; findings: Finding[] } | null = null;
  for (const candidate of candidatePaths(leaf, pool, anchors, at, bounds)) {
    const reversed = [...candidate.path].reverse();
    const findings = candidate.anchor
      ? await checkPath({ anchor: candidate.anchor, path: reversed, at, ...(options.purpose ? { purpose: options.purpose } : {}), verifySignature })
      : [...stuckFindings(candidate), ...(await checkPath({ anchor: null, path: reversed, at, ...(options.purpose ? { purpose: options.purpose } : {}), verifySignature }))];
    const chain = candidate.anchor ? [...candidate.path, candidate.anchor] : candidate.path;
    const complete = candidate.anchor !== null;
    const all = [...findings, ...hostFindings];
    if (complete && errorsIn(all) === 0) {
      // Revocation last, and only for a path that is otherwise valid; a revoked path lets the search go on.
      if (crls && crlVerifier && candidate.anchor) all.push(...(await checkRevocation({ anchor: candidate.anchor, path: reversed, at, crls, verifier: crlVerifier, others: pool })));
      if (errorsIn(all) === 0) return finish(chain, all);
      revokedPath ??= { chain, findings: all };
    }
    if (!best || better({ complete, findings: all, chain }, best)) best = { chain, findings: all, complete };
  }
  if (revokedPath) return finish(revokedPath.chain, revokedPath.findings);
  if (!best) return finish([leaf], [diagnosis('path-not-found', { cert: leaf.subject }), ...hostFindings]);
  return finish(best.chain, best.findings);
}

/** A failed path is more telling when it reaches an anchor, then when it has fewer errors, then when it is longer. */
function better(a: { complete: boolean; findings: Finding[]; chain: X509Certificate[] }, b: { complete: boolean; findings: Finding[]; chain: X509Certificate[] }): boolean {
  if (a.complete !== b.complete) return a.complete;
  const ea = errorsIn(a.findings);
  const eb = errorsIn(b.findings);
  if (ea !== eb) return ea < eb;
  return a.chain.length > b.chain.length;
}

function checkHost(leaf: X509Certificate, host: string): Finding[] {
  const m = matchHost(certFacts(leaf), host);
  if (m.ok) return m.by === 'cn' ? [diagnosis('host-matched-by-cn', { host })] : [];
  if (m.code === 'invalid-host') throw new PkiError('invalid-argument', 'host', `"${host}" is neither a host name nor an IP address.`);
  const detail = m.presented.length ? `it has ${m.presented.join(', ')}` : 'it has none';
  return [diagnosis(m.code, { host, detail })];
}

function finish(chain: X509Certificate[], findings: Finding[]): ValidationResult {
  const all = [...findings, ...chainAdvice(chain)];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  all.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { valid: errorsIn(all) === 0, chain, findings: all };
}
