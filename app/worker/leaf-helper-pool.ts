/**
 * The pki worker's leaf helpers (pki/leaf-helpers.ts says why they exist): nested workers running
 * leaf-helper.worker.ts, one per core beyond the first, at most MAX_HELPERS. They also check shares
 * of an Inspect report's signatures (pki/signatures/shared-verify.ts). They start with the first
 * warm or call of an operation that shares work with them (batchingOp: the Cluster form warms its
 * operation on its first focus, the Inspect view its own on mount, so they are ready by the first
 * batch or file), not for the other operations of its family (making one CA, revoking); a batch
 * uses the ones that are ready and never waits for one. A helper whose script fails, or that reports an error, is gone: its
 * pending chunks reject (their batch makes them itself) and it gets no more. So is one retired
 * for holding a share past its time (pki/shared-map.ts), and its worker is stopped.
 */
import type {
  LeafHelper,
  LeafHelpers,
  LeafOrder,
  LeafRecipe,
  MadeLeaf,
  SignaturePair,
  VerifyHelper,
} from '../pki/helper/index.ts';
import type { HelperRequest, HelperResponse } from './leaf-helper-serve.ts';

/** The most helpers started, whatever the core count: each costs its own worker's memory and start. */
export const MAX_HELPERS = 3;

/** Helpers for a machine of `cores` logical cores: one per core beyond the one the pki worker uses. */
export function helperCount(cores: number | undefined): number {
  return Math.max(0, Math.min(MAX_HELPERS, Math.floor(cores ?? 1) - 1));
}

/** What the pool needs of a helper worker (a Worker, or a port in tests). */
export interface HelperEndpoint {
  postMessage(message: HelperRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HelperResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
  /** Stops it (a Worker); a retired helper is stopped where its endpoint can be. */
  terminate?(): void;
}

/** A helper's weight before both paces are known, and the bounds of a learnt one (shared-map.ts remoteShares). */
const FIRST_WEIGHT = 1;
const MIN_WEIGHT = 0.25;
const MAX_WEIGHT = 2;

/** A running pace: each new figure counts half, so a worker that warms up is followed within a few batches. */
const paced = (pace: number | undefined, ms: number) => (pace === undefined ? ms : (pace + ms) / 2);

/** A helper of the pool: it makes shares of leaves and checks shares of signatures. */
export type PoolHelper = LeafHelper & VerifyHelper;

export interface LeafHelperPool extends LeafHelpers {
  /** Start the helpers (once; later calls do nothing). */
  start(): void;
  ready(): readonly PoolHelper[];
}

interface Pending {
  /** Settled with the answer's payload: a 'made' answer's leaves, a 'verified' answer's answers. */
  resolve: (value: never) => void;
  reject: (e: Error) => void;
}

export function leafHelperPool(spawn: () => HelperEndpoint, size: number): LeafHelperPool {
  const ready: PoolHelper[] = [];
  let started = false;
  let localPace: number | undefined;

  const helper = (endpoint: HelperEndpoint): PoolHelper => {
    const pending = new Map<number, Pending>();
    let next = 1;
    let gone = false;
    let pace: number | undefined;
    const self: PoolHelper = {
      weight: () =>
        pace === undefined || localPace === undefined
          ? FIRST_WEIGHT
          : Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, localPace / pace)),
      make(recipe: LeafRecipe, orders: readonly LeafOrder[], signal?: AbortSignal) {
        if (gone) return Promise.reject(new Error('this leaf helper is gone'));
        if (signal?.aborted) return Promise.reject(new Error('cancelled'));
        const id = next++;
        return new Promise<MadeLeaf[]>((resolve, reject) => {
          try {
            endpoint.postMessage({ type: 'make', id, recipe, orders });
          } catch (e) {
            // Not cloneable here (a key this browser cannot send): the helper is of no use.
            leave();
            return reject(e instanceof Error ? e : new Error(String(e)));
          }
          const cancel = () => endpoint.postMessage({ type: 'cancel', id });
          signal?.addEventListener('abort', cancel, { once: true });
          pending.set(id, {
            resolve: (leaves: MadeLeaf[]) => (signal?.removeEventListener('abort', cancel), resolve(leaves)),
            reject: (e) => (signal?.removeEventListener('abort', cancel), reject(e)),
          });
        });
      },
      verify(pairs: readonly SignaturePair[]) {
        if (gone) return Promise.reject(new Error('this leaf helper is gone'));
        const id = next++;
        return new Promise<(boolean | string | null)[]>((resolve, reject) => {
          // Throws where a pair cannot be cloned: the caller then checks the share itself.
          endpoint.postMessage({ type: 'verify', id, pairs });
          pending.set(id, { resolve, reject });
        });
      },
      retire() {
        leave();
        endpoint.terminate?.();
      },
    };
    const leave = () => {
      gone = true;
      const at = ready.indexOf(self);
      if (at >= 0) ready.splice(at, 1);
      for (const p of pending.values()) p.reject(new Error('the leaf helper stopped'));
      pending.clear();
    };
    endpoint.addEventListener('message', (event: MessageEvent<HelperResponse>) => {
      const m = event.data;
      if (m.type === 'ready') {
        if (!gone && !ready.includes(self)) ready.push(self);
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.type === 'made') {
        if (m.leaves.length) pace = paced(pace, m.ms / m.leaves.length);
        p.resolve(m.leaves as never);
      } else if (m.type === 'verified') p.resolve(m.answers as never);
      else p.reject(new Error(m.message));
    });
    endpoint.addEventListener('error', leave);
    endpoint.addEventListener('messageerror', leave);
    return self;
  };

  return {
    start() {
      if (started) return;
      started = true;
      for (let i = 0; i < size; i++) {
        try {
          // Kept alive by its own listeners, like any running Worker; only `ready` lists it.
          helper(spawn());
        } catch {
          // No nested workers here (or not allowed): the batch runs on its own thread, as before.
          return;
        }
      }
    },
    ready: () => ready,
    localPace(ms) {
      localPace = paced(localPace, ms);
    },
  };
}

let appPool: LeafHelperPool | undefined;

/** The pki worker's own pool: nested workers where the runtime has them and more than one core. */
export function appLeafHelpers(): LeafHelperPool {
  if (appPool) return appPool;
  const hasWorkers = typeof Worker === 'function';
  const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
  appPool = leafHelperPool(
    () =>
      new Worker(new URL('./leaf-helper.worker.ts', import.meta.url), {
        type: 'module',
        name: 'certbench-leaf-helper',
      }),
    hasWorkers ? helperCount(cores) : 0,
  );
  return appPool;
}

/**
 * An operation that shares work with the app's leaf helpers (leaves of a batch, signatures of an
 * Inspect report): warming it (ops.ts) or calling it starts them (once; later starts do nothing). A
 * call that starts them runs without them: a batch never waits for a helper.
 */
export function batchingOp<H extends (...args: never[]) => Promise<unknown>>(op: H): H & { warm: () => void } {
  const start = () => appLeafHelpers().start();
  const call = (...args: Parameters<H>) => {
    start();
    return op(...args);
  };
  return Object.assign(call as H, { warm: start });
}
