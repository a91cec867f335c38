/**
 * Map over a list with at most `limit` calls in flight, results in input order. For work whose
 * time is mostly waiting on WebCrypto: each call hops to another thread and back (Chromium's
 * WebCrypto thread, Node's libuv pool), so one certificate at a time leaves both the JS thread
 * and the crypto threads idle half the time.
 *
 * The first failure rejects the whole map; calls not yet started are not started (those in
 * flight finish, their results dropped). `shouldStop` is asked before each call starts and after
 * each one resolves: a true answer rejects the same way, with `stopError(done)`.
 */
export interface BoundedMapOptions {
  limit: number;
  /** After each call resolves, with the number resolved so far. */
  onDone?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
  stopError?: (done: number) => Error;
}

export async function boundedMap<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  options: BoundedMapOptions,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const stopIfAsked = () => {
    if (!options.shouldStop?.()) return;
    failed = true;
    throw options.stopError?.(done) ?? new Error('stopped');
  };
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      stopIfAsked();
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (e) {
        failed = true;
        throw e;
      }
      if (failed) return;
      done++;
      options.onDone?.(done, items.length);
      stopIfAsked();
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(options.limit, items.length)) }, lane);
  await Promise.all(lanes);
  return results;
}
