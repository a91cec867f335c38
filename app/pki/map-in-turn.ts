/**
 * boundedMap's twin for work that does not wait: `fn` runs synchronously, one item after the
 * other, with no promise per item (a batch on Node's own crypto: the promise and async frames of
 * boundedMap were a third of what each certificate allocated). So that a stop request (an
 * AbortSignal's event) can still land, the loop hands the thread back to the event loop every
 * SLICE_MS of work. Results in input order; `onDone`, `shouldStop` and `stopError` behave as in
 * boundedMap, and the first failure rejects.
 */
import type { BoundedMapOptions } from './bounded-map.ts';

/** Work between two yields: short enough for an abort to land soon, long enough to cost nothing. */
export const SLICE_MS = 16;

/** A macrotask: setImmediate where there is one (Node), else a zero timeout. */
function nextTask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

export async function mapInTurn<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  options: Omit<BoundedMapOptions, 'limit'> = {},
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let index = 0; index < items.length; index++) {
    if (options.shouldStop?.()) throw options.stopError?.(index) ?? new Error('stopped');
    results[index] = fn(items[index] as T, index);
    options.onDone?.(index + 1, items.length);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  if (options.shouldStop?.()) throw options.stopError?.(items.length) ?? new Error('stopped');
  return results;
}
