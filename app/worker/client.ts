/**
 * Side effect: a Web Worker. The page's side of the protocol: `callWorker(op, args, { onProgress,
 * signal })` runs a core operation in the worker and resolves with its plain result, or rejects
 * with a WorkerCallError carrying the core's code and field (so a form puts it beside the input).
 * The worker starts on the first call, so the first view loads no crypto code at all.
 */
import type { OpArgs, OpName } from './ops.ts';
import { pageDecoder, type PageResult } from './page-results.ts';
import type { Endpoint, WorkerError, WorkerErrorCode, WorkerRequest, WorkerResponse } from './protocol.ts';

export class WorkerCallError extends Error {
  override readonly name = 'WorkerCallError';
  readonly code: WorkerErrorCode;
  readonly field: string;
  constructor(error: WorkerError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
  }
}

export interface CallOptions {
  onProgress?: (done: number, total: number, label?: string) => void;
  /** Abort to cancel: the promise rejects at once with code 'cancelled' and the worker stops the work. */
  signal?: AbortSignal;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: WorkerCallError): void;
  onProgress?: CallOptions['onProgress'];
}

/** A call resolves with the op's result as the page reads it (page-results.ts: a compact form decoded). */
export type Caller = <K extends OpName>(op: K, args: OpArgs<K>, options?: CallOptions) => Promise<PageResult<K>>;

/** A caller that can also start its worker ahead of the first call. */
export type StartableCaller = Caller & {
  /**
   * Connect now (no call is made); the first call then finds the worker's script loaded, and the
   * code of `ops` too (each operation family loads on first use: worker/ops.ts).
   */
  start(...ops: OpName[]): void;
};

/** A caller over any endpoint (a Worker in the page, a MessagePort in tests). */
export function workerCaller(connect: () => Endpoint & { onerror?: unknown }): StartableCaller {
  let endpoint: Endpoint | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(message: string) {
    for (const p of pending.values()) p.reject(new WorkerCallError({ code: 'internal', field: '', message }));
    pending.clear();
    endpoint = undefined; // the next call starts a fresh worker
  }

  function open(): Endpoint {
    if (endpoint) return endpoint;
    const ep = connect();
    ep.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.done, m.total, m.label);
      else {
        pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.value);
        else p.reject(new WorkerCallError(m.error));
      }
    });
    if (typeof Worker !== 'undefined' && ep instanceof Worker) {
      ep.addEventListener('error', (e) =>
        failAll(`The background worker stopped (${e.message || 'it could not start'}). Reload the page.`),
      );
    }
    endpoint = ep;
    return ep;
  }

  const call = <K extends OpName>(op: K, args: OpArgs<K>, options: CallOptions = {}): Promise<PageResult<K>> =>
    new Promise<PageResult<K>>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(new WorkerCallError({ code: 'cancelled', field: '', message: 'Cancelled.' }));
        return;
      }
      const ep = open();
      const id = nextId++;
      const decode = pageDecoder(op);
      const settle = decode ? (value: unknown) => resolveDecoded(value, decode, resolve, reject) : resolve;
      pending.set(id, { resolve: settle, reject, ...(onProgress ? { onProgress } : {}) });
      signal?.addEventListener(
        'abort',
        () => {
          if (!pending.delete(id)) return;
          ep.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
          reject(new WorkerCallError({ code: 'cancelled', field: '', message: 'Cancelled.' }));
        },
        { once: true },
      );
      ep.postMessage({ type: 'call', id, op, args } satisfies WorkerRequest);
    });
  const start = (...ops: OpName[]) => {
    const ep = open();
    for (const op of ops) ep.postMessage({ type: 'warm', op } satisfies WorkerRequest);
  };
  return Object.assign(call, { start });
}

/** Resolve with the decoded result, or reject as an internal error if the worker's answer does not decode. */
function resolveDecoded(
  value: unknown,
  decode: (wire: never) => unknown,
  resolve: (value: never) => void,
  reject: (error: WorkerCallError) => void,
): void {
  let decoded: unknown;
  try {
    decoded = decode(value as never);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    reject(
      new WorkerCallError({
        code: 'internal',
        field: '',
        message: `The worker's answer could not be read (${detail}).`,
      }),
    );
    return;
  }
  resolve(decoded as never);
}

/** Run a core operation in the app's worker. */
export const callWorker: StartableCaller = workerCaller(
  () => new Worker(new URL('./pki.worker.ts', import.meta.url), { type: 'module', name: 'certbench-pki' }),
);

/**
 * Start the app's worker without calling it, from a view whose next step is surely a call (the
 * Inspect view on mount, `startWorker('inspect')`). Fetching, compiling and evaluating the
 * worker's script and the code of `ops` takes 60-120 ms in Chromium; started here, that happens
 * while the user picks a file instead of after.
 */
export function startWorker(...ops: OpName[]): void {
  callWorker.start(...ops);
}

/**
 * A focus handler for a form whose submit calls `op`: the first focus in it (a person fills the
 * form before submitting) starts the worker with `op`'s code, so that code loads while they type
 * rather than after the click; later focuses do nothing. Made once per form, at module level.
 */
export function warmOnFirstFocus(op: OpName): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    startWorker(op);
  };
}

/** The message to show for any error a worker call may reject with. */
export function errorMessage(e: unknown): string {
  if (e instanceof WorkerCallError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
