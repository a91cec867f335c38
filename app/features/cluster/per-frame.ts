/**
 * Keep only the latest of many values and hand it on once per animation frame. The worker
 * reports progress per certificate, a thousand times for a thousand nodes; drawing every one
 * kept the page's main thread busy for about 0.2 ms per certificate, on the same two cores the
 * worker needs. A screen shows one value per frame anyway.
 */
export interface PerFrame<T> {
  push(value: T): void;
  /** Drop a value not handed on yet (the work ended: what follows replaces it). */
  cancel(): void;
}

export function perFrame<T>(
  apply: (value: T) => void,
  schedule: (run: () => void) => number = (run) => requestAnimationFrame(run),
  unschedule: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
): PerFrame<T> {
  let latest: { value: T } | undefined;
  let handle: number | undefined;
  return {
    push(value) {
      latest = { value };
      handle ??= schedule(() => {
        handle = undefined;
        const next = latest;
        latest = undefined;
        if (next) apply(next.value);
      });
    },
    cancel() {
      if (handle !== undefined) unschedule(handle);
      handle = undefined;
      latest = undefined;
    },
  };
}
