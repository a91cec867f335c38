/**
 * The leaf helper worker's side of its protocol with the pki worker's pool (leaf-helper-pool.ts):
 * it says 'ready' once its code is loaded, then makes each chunk of leaves it is sent from the
 * batch's recipe (pki/leaf-helpers.ts recipeLeafMaker) and answers with their PEMs, or with the
 * failure's message (the batch then makes that chunk itself).
 *
 * A recipe is sent once per helper with the first chunk of its batch and kept under its id; the
 * last RECIPES_KEPT are kept, dropped oldest first, and the pool drops them in the same order
 * (messages arrive in the order they were sent), so it always knows which ones a helper has.
 */
import { recipeLeafMaker, type LeafOrder, type LeafRecipe, type MadeLeaf } from '../pki/helper/index.ts';
import type { Endpoint } from './protocol.ts';

/**
 * Each share a helper made, as a user-timing measure of this name in the helper (its detail: the
 * number of leaves): a DevTools trace shows the helper's work beside the batch's.
 */
export const SHARE_MEASURE = 'certbench-leaf-share';

/** Recipes a helper keeps (a cluster runs two batches at once: nodes and clients). */
export const RECIPES_KEPT = 4;

export type HelperRequest =
  | {
      type: 'make';
      id: number;
      recipeId: number;
      /** With the first share of a recipe this helper has not kept. */
      recipe?: LeafRecipe;
      orders: readonly LeafOrder[];
    }
  /** The batch stopped: start no more leaves of share `id` (its answer is then 'failed'). */
  | { type: 'cancel'; id: number };

export type HelperResponse =
  | { type: 'ready' }
  /** `ms`: from the chunk's arrival to its answer, the helper's own pace (the answer may wait to be read). */
  | { type: 'made'; id: number; leaves: MadeLeaf[]; ms: number }
  | { type: 'failed'; id: number; message: string };

/** Remember `id` in `kept` (insertion order), dropping the oldest past RECIPES_KEPT: the same rule on both sides. */
export function keepRecipe<V>(kept: Map<number, V>, id: number, value: V): void {
  kept.set(id, value);
  while (kept.size > RECIPES_KEPT) kept.delete(kept.keys().next().value as number);
}

export function serveLeafHelper(endpoint: Endpoint, crypto: Crypto = globalThis.crypto): void {
  const makers = new Map<number, ReturnType<typeof recipeLeafMaker>>();
  const running = new Map<number, AbortController>();
  const send = (message: HelperResponse) => endpoint.postMessage(message);
  endpoint.addEventListener('message', (event: MessageEvent<HelperRequest>) => {
    const request = event.data;
    if (request.type === 'cancel') return void running.get(request.id)?.abort();
    const { id, recipeId, recipe, orders } = request;
    if (recipe) keepRecipe(makers, recipeId, recipeLeafMaker(recipe, crypto));
    const make = makers.get(recipeId);
    if (!make) return send({ type: 'failed', id, message: `no recipe ${recipeId} here` });
    const controller = new AbortController();
    running.set(id, controller);
    const start = performance.now();
    make(orders, controller.signal)
      .then(
        (leaves) => {
          performance.measure(SHARE_MEASURE, { start, detail: leaves.length });
          send({ type: 'made', id, leaves, ms: performance.now() - start });
        },
        (e: unknown) => send({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => running.delete(id));
  });
  send({ type: 'ready' });
}
