/**
 * Leaf helpers: other threads (the app's leaf helper workers) that make a batch's leaves beside
 * the batch's own thread, from the template's recipe (leaf-maker.ts). The batch hands each one a
 * share of its lines when it starts, weighed by the helper's pace against its own (shared-map.ts),
 * and makes the share of a helper that fails, or that has not answered in time, itself.
 *
 * Why: Chromium does a WebCrypto call's work on the thread that calls it, so one worker makes one
 * certificate's key and signature at a time, and a second core sits idle. Raw WebCrypto in a page
 * (generate, export PKCS#8, sign, 16 in flight), one worker against two splitting the work,
 * medians of 15: 100 certificates 12.9 -> 8.0 ms and 11.2 -> 6.4 ms; 1,000 certificates 132 -> 77
 * and 102 -> 81 ms (two runs, this 2-core machine).
 *
 * This module is the contract and the helper's side of it; it is lean (leaf-maker.ts says why).
 */
import { boundedMap } from './bounded-map.ts';
import { issueFromTemplate, leafWriters, recipeEngine, type LeafRecipe, type PemOut } from './leaf-maker.ts';
import { pemAsciiWriter } from './pem-ascii.ts';
import type { TemplateLeafInput } from './leaf-tbs.ts';

/** One leaf to make: its serial, validity, CN and SANs (its key is made by the helper). */
export type LeafOrder = Omit<TemplateLeafInput, 'spki'>;

/**
 * A leaf a helper made: what the batch keeps of a fast-path leaf. A helper writes its PEMs as
 * ASCII bytes (pem-ascii.ts) and sends them with their slabs transferred, not copied.
 */
export interface MadeLeaf {
  certPem: PemOut;
  keyPem: PemOut;
}

export interface LeafHelper {
  /** Its share of a batch against the batch's own thread's (1: as many leaves; shared-map.ts). */
  weight(): number;
  /**
   * The leaves of `orders` in order, made from `recipe`; rejects when the helper failed, or once
   * `signal` aborts (the helper then starts no more of them).
   */
  make(recipe: LeafRecipe, orders: readonly LeafOrder[], signal?: AbortSignal): Promise<MadeLeaf[]>;
  /**
   * It held a share past its time (shared-map.ts: the batch made that share itself): it gets no
   * more work, and is stopped where it can be.
   */
  retire(): void;
}

export interface LeafHelpers {
  /** The helpers ready to take work now: none while they start, so a batch never waits for one. */
  ready(): readonly LeafHelper[];
  /** The batch's own thread made its part beside helpers at `msPerLeaf`: the helpers' next weights follow it. */
  localPace(msPerLeaf: number): void;
}

/** The fewest leaves worth a helper's message and answer; a smaller batch is made on its own thread. */
export const HELPER_MIN_SHARE = 8;
/** Leaves a helper has in flight (as the batch's own thread has BATCH_IN_FLIGHT: batch.ts says why). */
const HELPER_IN_FLIGHT = 16;

/**
 * The helper's side: a maker of `recipe`'s leaves on `crypto`, a share at a time, each share's
 * PEMs as ASCII bytes in slabs of its own, to be sent. Every leaf goes through the batch's own
 * code (issueFromTemplate on the recipe's writers and WebCrypto engine), so a helper's leaf is the
 * leaf the batch's thread would have made.
 */
export function recipeLeafMaker(
  recipe: LeafRecipe,
  crypto: Crypto,
): (orders: readonly LeafOrder[], signal?: AbortSignal) => Promise<MadeLeaf[]> {
  const writers = leafWriters(recipe.pieces);
  return (orders, signal) => {
    const engine = recipeEngine(recipe, crypto, pemAsciiWriter(orders.length));
    return boundedMap(
      orders,
      async (order) => {
        const { certPem, keyPem } = await issueFromTemplate(writers, order, engine);
        return { certPem, keyPem };
      },
      {
        limit: HELPER_IN_FLIGHT,
        shouldStop: () => signal?.aborted === true,
        stopError: (done) => new Error(`cancelled after ${done} of ${orders.length}`),
      },
    );
  };
}
