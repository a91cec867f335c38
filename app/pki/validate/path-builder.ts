/**
 * Candidate certification paths from a target to a trust anchor, depth first with
 * backtracking. Issuers are found by name (RFC 5280 §7.1 comparison) and tried in order:
 * anchors first, then certificates whose SKI matches the child's AKI, then ones valid at the
 * checked time. A certificate appears at most once per path (the visited set), the depth is
 * bounded and so is the total work, so cyclic or densely cross-signed pools end quickly.
 */
import type { X509Certificate } from '@peculiar/x509';
import { certFacts } from '../model/cert-facts.ts';
import { namesEqual } from '../model/names.ts';

export interface Candidate {
  /** Target first, then each issuer; the anchor is not included. */
  path: X509Certificate[];
  /** The anchor that issued the last certificate of `path`, or null when the search got stuck. */
  anchor: X509Certificate | null;
  /** Why a path without an anchor stopped. */
  stuck?: 'no-issuer' | 'depth';
}

export interface BuildBounds {
  /** Most certificates in a path below the anchor (the target included). */
  maxDepth: number;
  /** Most issuer lookups in one search. */
  maxSteps: number;
}

export const DEFAULT_BOUNDS: BuildBounds = { maxDepth: 8, maxSteps: 2000 };

function issuerOrder(child: X509Certificate, at: Date) {
  const aki = certFacts(child).authorityKeyId;
  return (c: X509Certificate): number => {
    const f = certFacts(c);
    let rank = 0;
    if (aki && f.subjectKeyId !== undefined && f.subjectKeyId !== aki) rank += 4;
    if (at < f.notBefore.date || at > f.notAfter.date) rank += 2;
    if (!f.basicConstraints?.ca) rank += 1;
    return rank;
  };
}

function issuersOf(child: X509Certificate, among: readonly X509Certificate[], at: Date): X509Certificate[] {
  const wanted = certFacts(child).issuer;
  const rank = issuerOrder(child, at);
  return among
    .filter((c) => namesEqual(certFacts(c).subject, wanted))
    .map((c) => ({ c, r: rank(c) }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.c);
}

/**
 * Every candidate path, best first. A consumer stops pulling once a path validates. Paths
 * that reach no anchor are yielded too (after the search below them is exhausted) so a
 * diagnosis can say what is missing.
 */
export function* candidatePaths(
  target: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
  bounds: BuildBounds = DEFAULT_BOUNDS,
): Generator<Candidate> {
  let steps = 0;
  const onPath = new Set<X509Certificate>();

  function* extend(path: X509Certificate[]): Generator<Candidate> {
    const top = path[path.length - 1];
    if (!top) return;
    if (++steps > bounds.maxSteps) return;
    const anchorIssuers = issuersOf(top, anchors, at);
    for (const anchor of anchorIssuers) yield { path: [...path], anchor };
    if (path.length >= bounds.maxDepth) {
      yield { path: [...path], anchor: null, stuck: 'depth' };
      return;
    }
    const next = issuersOf(top, pool, at).filter((c) => !onPath.has(c));
    for (const issuer of next) {
      onPath.add(issuer);
      path.push(issuer);
      yield* extend(path);
      path.pop();
      onPath.delete(issuer);
      if (steps > bounds.maxSteps) return;
    }
    if (anchorIssuers.length === 0 && next.length === 0) yield { path: [...path], anchor: null, stuck: 'no-issuer' };
  }

  onPath.add(target);
  yield* extend([target]);
}
