/**
 * Signature checks shared between this thread and helper threads. In Chromium a worker's WebCrypto
 * calls run on the worker's own thread (the kernel's counts per thread during an Inspect call of
 * the system CA bundle: the pki worker ran 33-52 ms of a 36-55 ms call, no other thread more than
 * 1 ms), so a second core does nothing for them unless another worker makes some of the calls.
 *
 * The pairs are shared by their estimated cost, the helpers' shares sent before this thread starts
 * its own. A pair a helper leaves unanswered (it failed, stopped, answered short or answered null)
 * is checked here, so sharing never changes an answer. ML-DSA pairs stay here: they run on certbench's own engine
 * (crypto.ts), which the helpers do not load.
 */
import { mlDsaOfOid } from '../ml-dsa/params.ts';
import { localBatch, type BatchVerifier, type SignaturePair } from './batch-verify.ts';
import { signatureVerifier, type SignatureVerifier } from './verify-signature.ts';

/** A helper thread that checks signatures. */
export interface VerifyHelper {
  /**
   * The answers for `pairs`, in order, as SignatureVerifier.verify gives them, null where the
   * helper could not check a pair; rejects when the helper failed.
   */
  verify(pairs: readonly SignaturePair[]): Promise<(boolean | string | null)[]>;
}

/** Fewer pairs than this are all checked here: a message to a helper and back costs more than they do. */
export const MIN_SHARED = 16;

/**
 * A pair's cost in import-and-verify time, in units of an RSA-2048 pair. Measured in a Chromium
 * worker (BoringSSL), each pair a fresh import and a verification, best of 5 × 50: RSA-2048 0.068
 * ms, RSA-4096 0.086, Ed25519 0.062, P-256 0.086, P-384 0.42, P-521 1.0.
 */
export function pairCost(pair: SignaturePair): number {
  const { kind, bits } = pair.issuer.key;
  if (kind === 'rsa') return bits > 2048 ? 1.3 : 1;
  if (kind === 'ec') return bits > 384 ? 15 : bits > 256 ? 6 : 1.3;
  return 1;
}

/**
 * Lanes of pair indices, lane 0 this thread's and one per helper after it: each pair, the costliest
 * first, goes to the lane with the least cost so far. Pairs only this thread can check go to lane 0
 * first, so the helpers' lanes make up for them.
 */
export function lanesByCost(pairs: readonly SignaturePair[], helpers: number): number[][] {
  const lanes: number[][] = Array.from({ length: helpers + 1 }, () => []);
  const load = new Array<number>(helpers + 1).fill(0);
  const shared: number[] = [];
  pairs.forEach((pair, i) => {
    if (mlDsaOfOid(pair.child.signatureOid)) {
      lanes[0]!.push(i);
      load[0]! += pairCost(pair);
    } else shared.push(i);
  });
  shared.sort((a, b) => pairCost(pairs[b]!) - pairCost(pairs[a]!) || a - b);
  for (const i of shared) {
    let lane = 0;
    for (let k = 1; k < load.length; k++) if (load[k]! < load[lane]!) lane = k;
    lanes[lane]!.push(i);
    load[lane]! += pairCost(pairs[i]!);
  }
  return lanes;
}

/**
 * The pair with its byte fields copied out of the DER they view: a view sent to another thread
 * would take its whole buffer along (a PEM bundle's, or a certificate's twice over).
 */
function detached({ child, issuer }: SignaturePair): SignaturePair {
  return {
    child: {
      signatureOid: child.signatureOid,
      ...(child.signatureParams ? { signatureParams: child.signatureParams.slice() } : {}),
      tbs: child.tbs.slice(),
      signature: child.signature.slice(),
    },
    issuer: { key: { ...issuer.key }, spki: issuer.spki.slice() },
  };
}

/** A BatchVerifier that shares its pairs with the helpers `ready` gives at the time of each batch. */
export function sharedBatch(local: SignatureVerifier, ready: () => readonly VerifyHelper[]): BatchVerifier {
  const here = localBatch(local);
  return (pairs) => {
    const helpers = ready();
    if (helpers.length === 0 || pairs.length < MIN_SHARED) return here(pairs);
    const lanes = lanesByCost(pairs, helpers.length);
    const answers = new Array<Promise<boolean | string>>(pairs.length);
    const checkHere = (i: number) => local.verify(pairs[i]!.child, pairs[i]!.issuer);
    helpers.forEach((helper, k) => {
      const lane = lanes[k + 1]!;
      if (lane.length === 0) return;
      let sent: Promise<(boolean | string | null)[]>;
      try {
        sent = helper.verify(lane.map((i) => detached(pairs[i]!)));
      } catch (e) {
        sent = Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      lane.forEach((i, n) => {
        answers[i] = sent.then(
          (got) => {
            const answer = got[n];
            return typeof answer === 'boolean' || typeof answer === 'string' ? answer : checkHere(i);
          },
          () => checkHere(i),
        );
      });
    });
    for (const i of lanes[0]!) answers[i] = checkHere(i);
    return answers;
  };
}

/** sharedBatch over a verifier of `crypto` (what relate checks with when given no verifier). */
export function sharedChecks(crypto: Crypto, ready: () => readonly VerifyHelper[]): BatchVerifier {
  return sharedBatch(signatureVerifier(crypto), ready);
}
