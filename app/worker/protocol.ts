/**
 * The worker protocol: how the page asks the worker to run a core operation, follows its
 * progress, cancels it, and gets a plain result or a plain error back.
 *
 * An operation is an `OpHandler`: plain arguments in, a promise of a plain result out (PEM
 * strings, numbers, ISO dates, byte arrays; nothing with methods). Registries of handlers
 * (ops-*.ts) are spread into one map in ops.ts; the types of `callWorker` follow from it.
 */
import type { PkiErrorCode } from '../pki/light/index.ts';

/** What a running operation may use besides its arguments. */
export interface OpContext {
  /** Aborted when the caller cancels; pass it to long loops (issueBatch) and check it between steps. */
  signal: AbortSignal;
  /** Report progress; the client throttles nothing, so call it per step, not per byte. */
  progress(done: number, total: number, label?: string): void;
}

/** One worker operation. */
export type OpHandler<A, R> = (args: A, ctx: OpContext) => Promise<R>;

export type WorkerErrorCode = PkiErrorCode | 'cancelled';

/** An error as it crosses the worker boundary; `field` names the input at fault ('' for none). */
export interface WorkerError {
  code: WorkerErrorCode;
  field: string;
  message: string;
}

/**
 * 'warm' loads the code of `op`'s family ahead of its first call (a view about to call it) and
 * answers nothing: the call that follows finds it loaded, or loads it itself if warming failed.
 */
export type WorkerRequest =
  | { type: 'call'; id: number; op: string; args: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'warm'; op: string };

export type WorkerResponse =
  | { type: 'progress'; id: number; done: number; total: number; label?: string }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: WorkerError };

/** The two ends of a message channel: a Worker, the worker's global scope, or a MessagePort in tests. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Buffers a result's bytes live in, by result: moved to the page with it rather than copied. */
const transfers = new WeakMap<object, Transferable[]>();

/**
 * `value`, to be sent with `buffers` transferred (serve.ts): the worker gives them up, so nothing
 * in the worker may read them after the operation returns.
 */
export function transferring<T extends object>(value: T, buffers: Transferable[]): T {
  transfers.set(value, buffers);
  return value;
}

/** The buffers `value` is to be sent with (transferring), if any. */
export function transfersOf(value: unknown): Transferable[] | undefined {
  return typeof value === 'object' && value !== null ? transfers.get(value) : undefined;
}
