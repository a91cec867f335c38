/**
 * Many signature checks asked at once: a CA bundle makes one per certificate (relations/index.ts),
 * and a caller with helper threads can share them out (shared-verify.ts). Each answer is what
 * SignatureVerifier.verify says of its pair.
 */
import type { SignatureVerifier, SignedFacts, SignerFacts } from './verify-signature.ts';

/** A signed object and the would-be signer whose key is checked against it. */
export interface SignaturePair {
  child: SignedFacts;
  issuer: SignerFacts;
}

/** One answer per pair, in order: true/false, or a sentence when the algorithm cannot be checked. */
export type BatchVerifier = (pairs: readonly SignaturePair[]) => Promise<boolean | string>[];

/** Every pair checked by `verifier` on this thread. */
export function localBatch(verifier: SignatureVerifier): BatchVerifier {
  return (pairs) => pairs.map((p) => verifier.verify(p.child, p.issuer));
}
