/**
 * Many IndexedDB puts in one transaction without one long main-thread task. Each put clones its
 * record on the calling thread (about 50-60 µs for a certificate with its key and chain in
 * Chromium), so the 1002 items of a thousand-node cluster written in one go held the page for
 * 45-80 ms. Puts are issued in slices of at most `budgetMs`; the next slice starts in the success
 * callback of the previous slice's last request. That callback is a task of its own during which
 * the transaction is still active, so the write stays one atomic transaction.
 */

/**
 * Resolves on a later task of the event loop (a MessageChannel message: not throttled in a
 * background tab as a timer is). A save is queued from the store update that asked for it; this
 * lets that task (a worker's result arriving, say) end before the first slice of puts starts.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** A slice's budget: well under the 50 ms that makes a long task, with room for what runs beside it. */
export const SLICE_MS = 8;

/** The part of an IDBObjectStore this needs (a fake in tests). */
export interface PutTarget<T> {
  put(value: T): { onsuccess: ((ev: Event) => unknown) | null };
}

/**
 * Put every value, in order, a slice per task. `fail` gets anything a put throws (a value that
 * cannot be cloned, a closed database) and should abort the transaction: the puts after it are
 * not issued.
 */
export function putInSlices<T>(
  store: PutTarget<T>,
  values: readonly T[],
  fail: (error: unknown) => void,
  { budgetMs = SLICE_MS, now = () => performance.now() }: { budgetMs?: number; now?: () => number } = {},
): void {
  let next = 0;
  const slice = (): void => {
    const start = now();
    try {
      let last: ReturnType<PutTarget<T>['put']>;
      do last = store.put(values[next++] as T);
      while (next < values.length && now() - start < budgetMs);
      if (next < values.length) last.onsuccess = slice;
    } catch (e) {
      fail(e);
    }
  };
  if (values.length) slice();
}
