/**
 * Map over a list with at most `limit` calls in flight, results in input order. For work whose
 * time is mostly waiting on WebCrypto: each call's promise settles in a later task (in Node after
 * a hop to the libuv pool; Chromium does the work on the calling thread and settles it after), so
 * one certificate at a time leaves the thread waiting between calls.
 *
 * The first failure rejects the whole map; calls not yet started are not started (those in
 * flight finish, their results dropped). `shouldStop` is asked before each call starts and after
 * each one resolves: a true answer rejects the same way, with `stopError(done)`.
 */
import { sharedMap, type BoundedMapOptions } from './shared-map.ts';

export type { BoundedMapOptions };

/** sharedMap with no other thread taking part: the one implementation of both. */
export function boundedMap<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  options: BoundedMapOptions,
): Promise<R[]> {
  return sharedMap(items, fn, { ...options, remotes: [], minShare: 1 });
}
