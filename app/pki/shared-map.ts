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
 * share is made here. So is the share of a remote that is overdue: one that has not answered
 * `graceMs` after this thread made its own part, for a share this thread would make in `localMs`
 * (a helper that hangs without failing would otherwise hold the map forever); its late answer is
 * ignored and its `overdue` is called, so its owner can stop giving it work. `onDone` counts what
 * is finished (a share at once), up to `items.length`.
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
  /** Its share was taken back because it did not answer in time (see the contract above). */
  overdue?(): void;
}

/** The least time a remote is given, once this thread's part is done, before its share is made here. */
export const REMOTE_GRACE_MIN_MS = 5_000;
/** ... and how many times this thread's own time for the same share, when that is longer. */
export const REMOTE_GRACE_FACTOR = 4;

/** How long a remote may still take after this thread's part, for a share this thread makes in `localMs`. */
export function remoteGraceMs(localMs: number): number {
  return Math.max(REMOTE_GRACE_MIN_MS, REMOTE_GRACE_FACTOR * localMs);
}

export interface SharedMapOptions<R> extends BoundedMapOptions {
  remotes: readonly RemoteRunner<R>[];
  /** The fewest items worth a remote's message: a remote whose share is smaller gets none. */
  minShare: number;
  /** When this thread has made its own part: its milliseconds per item (so the next shares can follow the pace). */
  onLocalPace?: (msPerItem: number) => void;
  /** How long a remote may still take once this thread's part is done (default remoteGraceMs). */
  graceMs?: (localMs: number) => number;
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
  // This thread's milliseconds per item, once its own part is made (undefined: it made none).
  let ownDone: (msPerItem: number | undefined) => void = () => undefined;
  const ownPace = new Promise<number | undefined>((resolve) => (ownDone = resolve));
  const grace = options.graceMs ?? remoteGraceMs;
  /**
   * `late` rejects with `reason` once a share of `count` items is overdue (no timer once the map
   * failed); `stop` cancels it.
   */
  const overdue = (count: number) => {
    const reason = new Error(`a remote did not answer for its ${count} items in time`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const late = new Promise<never>((_, reject) => {
      void ownPace.then((msPerItem) => {
        if (!stopped && !failed) timer = setTimeout(() => reject(reason), grace((msPerItem ?? 0) * count));
      });
    });
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
    };
    return { late, reason, stop };
  };
  const remote = async (runner: RemoteRunner<R>, indices: number[]): Promise<void> => {
    let made: R[];
    const watch = overdue(indices.length);
    try {
      made = await Promise.race([runner.run(indices), watch.late]);
      if (made.length !== indices.length) throw new Error(`a remote made ${made.length} of ${indices.length}`);
    } catch (e) {
      if (e === watch.reason) runner.overdue?.();
      queue.push(...indices);
      return;
    } finally {
      watch.stop();
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
  const paced = Promise.all(lanes()).then(
    () => {
      const msPerItem = own ? (performance.now() - start) / own : undefined;
      ownDone(msPerItem);
      if (!failed && msPerItem !== undefined && remotes.some(Boolean)) options.onLocalPace?.(msPerItem);
    },
    (e: unknown) => {
      // A failed map waits for no remote (overdue starts no timer once `failed` is set).
      ownDone(undefined);
      throw e;
    },
  );
  await Promise.all([paced, ...remotes]);
  // A remote that failed after this thread's lanes had run out left its share in the queue.
  while (!failed && taken < queue.length) await Promise.all(lanes());
  return results;
}
