/**
 * boundedMap (bounded-map.ts) with other threads taking part: each remote is handed its share of
 * the items, from the end of the list, when the map starts; this thread makes the rest from the
 * front, `limit` at a time. Results in input order.
 *
 * Why shares up front rather than chunks pulled as a remote frees up: in a Chromium worker, a
 * message from another worker waits until the thread's WebCrypto completions have run, and a
 * batch keeps them coming without a gap. Traced in a cluster of 100 nodes: a helper made its 8
 * leaves in 1.5-6 ms, and its answer reached the batch's thread 13 ms after it was sent, when
 * that thread had made 84 of its own. A remote that pulls work sits idle; a share it holds
 * from the start is made at once, and its answer is read when this thread's part is done.
 *
 * Contract, as boundedMap's: the first local failure rejects the map and nothing starts after it;
 * `shouldStop` is asked before each local call starts and after each call or share settles, and a
 * true answer rejects with `stopError(done)`. A remote that fails is not an error of the map: its
 * share is made here. `onDone` counts what is finished (a share at once), up to `items.length`.
 */

/** boundedMap's options (bounded-map.ts), which sharedMap shares. */
export interface BoundedMapOptions {
  limit: number;
  /** After each call resolves, with the number resolved so far. */
  onDone?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
  stopError?: (done: number) => Error;
}

/** A runner on another thread: makes the items at `indices` together, in their order. */
export interface RemoteRunner<R> {
  /** Its share against this thread's: 1 takes as many items as this thread makes, 0.5 half as many. */
  weight: number;
  run(indices: readonly number[]): Promise<R[]>;
}

export interface SharedMapOptions<R> extends BoundedMapOptions {
  remotes: readonly RemoteRunner<R>[];
  /** The fewest items worth a remote's message: a remote whose share is smaller gets none. */
  minShare: number;
  /** When this thread has made its own part: its milliseconds per item (so the next shares can follow the pace). */
  onLocalPace?: (msPerItem: number) => void;
}

/** Each remote's share of `count` items, in proportion to its weight (this thread's is 1), in whole items. */
export function remoteShares(count: number, weights: readonly number[], minShare: number): number[] {
  const total = weights.reduce((sum, w) => sum + w, 1);
  return weights.map((w) => {
    const share = Math.floor((count * w) / total);
    return share < minShare ? 0 : share;
  });
}

export async function sharedMap<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  options: SharedMapOptions<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const shares = remoteShares(
    items.length,
    options.remotes.map((r) => r.weight),
    options.minShare,
  );
  // This thread's items: the front of the list, then any share whose remote failed.
  const queue: number[] = [];
  let end = items.length;
  const remoteIndices = shares.map((share) => {
    const from = end - share;
    end = from;
    return Array.from({ length: share }, (_, k) => from + k);
  });
  for (let i = 0; i < end; i++) queue.push(i);
  let taken = 0;
  let done = 0;
  let failed = false;
  const stopIfAsked = () => {
    if (!options.shouldStop?.()) return;
    failed = true;
    throw options.stopError?.(done) ?? new Error('stopped');
  };
  const finished = (count: number) => {
    done += count;
    options.onDone?.(done, items.length);
  };
  const local = async (): Promise<void> => {
    while (!failed && taken < queue.length) {
      stopIfAsked();
      const index = queue[taken++]!;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (e) {
        failed = true;
        throw e;
      }
      if (failed) return;
      finished(1);
      stopIfAsked();
    }
  };
  const lanes = () => Array.from({ length: Math.max(1, Math.min(options.limit, queue.length - taken)) }, local);
  const remote = async (runner: RemoteRunner<R>, indices: number[]): Promise<void> => {
    let made: R[];
    try {
      made = await runner.run(indices);
      if (made.length !== indices.length) throw new Error(`a remote made ${made.length} of ${indices.length}`);
    } catch {
      queue.push(...indices);
      return;
    }
    if (failed) return;
    indices.forEach((index, k) => (results[index] = made[k] as R));
    finished(indices.length);
    stopIfAsked();
  };
  const remotes = remoteIndices.map((indices, i) =>
    indices.length ? remote(options.remotes[i]!, indices) : undefined,
  );
  const start = performance.now();
  const own = queue.length;
  const paced = Promise.all(lanes()).then(() => {
    if (!failed && own && remotes.some(Boolean)) options.onLocalPace?.((performance.now() - start) / own);
  });
  await Promise.all([paced, ...remotes]);
  // A remote that failed after this thread's lanes had run out left its share in the queue.
  while (!failed && taken < queue.length) await Promise.all(lanes());
  return results;
}
