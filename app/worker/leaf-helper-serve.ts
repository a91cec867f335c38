/**
 * The leaf helper worker's side of its protocol with the pki worker's pool (leaf-helper-pool.ts):
 * it says 'ready' once its code is loaded, then makes each share of leaves it is sent from the
 * recipe that comes with it (pki/leaf-helpers.ts recipeLeafMaker) and answers with their PEMs (as
 * ASCII bytes, their slabs transferred: pki/pem-ascii.ts), or with the failure's message (the batch then makes that share itself).
 * It also checks each share of signatures it is sent (pki/signatures/shared-verify.ts: the Inspect
 * view's relations of a bundle), answering each pair true or false, or null where it has no
 * WebCrypto algorithm for the pair or the check threw (the pki worker then checks that pair itself,
 * and says what it is or meets the same error).
 *
 * A batch sends a helper one share, so the recipe travels with it and is dropped with it: the
 * issuer's private key in it lives in the helper only while the helper works for that batch.
 */
import {
  buffersOf,
  recipeLeafMaker,
  type LeafOrder,
  type LeafRecipe,
  type MadeLeaf,
  type SignaturePair,
} from '../pki/helper/index.ts';
import type { Endpoint } from './protocol.ts';

/**
 * Each share a helper made, as a user-timing measure of this name in the helper (its detail: the
 * number of leaves): a DevTools trace shows the helper's work beside the batch's.
 */
export const SHARE_MEASURE = 'certbench-leaf-share';
/** Each share of signature checks a helper made, likewise (its detail: the number of pairs). */
export const VERIFY_MEASURE = 'certbench-verify-share';

export type HelperRequest =
  | {
      type: 'make';
      id: number;
      recipe: LeafRecipe;
      orders: readonly LeafOrder[];
    }
  /** The batch stopped: start no more leaves of share `id` (its answer is then 'failed'). */
  | { type: 'cancel'; id: number }
  | { type: 'verify'; id: number; pairs: readonly SignaturePair[] };

export type HelperResponse =
  | { type: 'ready' }
  /** `ms`: from the share's arrival to its answer, the helper's own pace (the answer may wait to be read). */
  | { type: 'made'; id: number; leaves: MadeLeaf[]; ms: number }
  | { type: 'failed'; id: number; message: string }
  /** One answer per pair of the 'verify' request `id`: null where the helper has no algorithm for it or the check threw. */
  | { type: 'verified'; id: number; answers: (boolean | string | null)[] };

export function serveLeafHelper(endpoint: Endpoint, crypto: Crypto = globalThis.crypto): void {
  const running = new Map<number, AbortController>();
  const send = (message: HelperResponse, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  endpoint.addEventListener('message', (event: MessageEvent<HelperRequest>) => {
    const request = event.data;
    if (request.type === 'cancel') return void running.get(request.id)?.abort();
    if (request.type === 'verify') return void verifyShare(request.id, request.pairs);
    const { id, recipe, orders } = request;
    const controller = new AbortController();
    running.set(id, controller);
    const start = performance.now();
    recipeLeafMaker(recipe, crypto)(orders, controller.signal)
      .then(
        (leaves) => {
          performance.measure(SHARE_MEASURE, { start, detail: leaves.length });
          // The PEMs' slabs move to the pki worker (pki/pem-ascii.ts): nothing of them stays here.
          const pems = leaves.flatMap((l) => [l.certPem, l.keyPem]);
          send({ type: 'made', id, leaves, ms: performance.now() - start }, buffersOf(pems));
        },
        (e: unknown) => send({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => running.delete(id));
  });
  // The checking code loads with the first share of checks (pki/helper/verify.ts says why).
  let checks: Promise<typeof import('../pki/helper/verify.ts')> | undefined;
  const verifyShare = (id: number, pairs: readonly SignaturePair[]) => {
    const start = performance.now();
    (checks ??= import('../pki/helper/verify.ts'))
      .then(({ classicVerifier }) => {
        const verifier = classicVerifier(crypto);
        return Promise.all(pairs.map((p) => verifier.verify(p.child, p.issuer).catch(() => null)));
      })
      .then(
        (answers) => {
          performance.measure(VERIFY_MEASURE, { start, detail: pairs.length });
          send({ type: 'verified', id, answers });
        },
        // The code did not load: the pki worker checks the share itself.
        (e: unknown) => send({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) }),
      );
  };
  send({ type: 'ready' });
}
