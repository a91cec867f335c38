/**
 * The worker side of the protocol: run each requested operation from a registry, forward its
 * progress, abort it on cancel, and turn any failure into a plain WorkerError.
 */
import { isPkiError } from '../pki/light/index.ts';
import {
  transfersOf,
  type Endpoint,
  type OpContext,
  type WorkerError,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol.ts';

type AnyHandler = (args: never, ctx: OpContext) => Promise<unknown>;
/** A handler that can load its code ahead of its first call (ops.ts's lazy families). */
type Warmable = AnyHandler & { warm?: () => Promise<unknown> };

/** A plain error for anything thrown; library messages never reach the user without our words around them. */
export function toWorkerError(e: unknown, signal?: AbortSignal): WorkerError {
  if (signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) {
    return { code: 'cancelled', field: '', message: 'Cancelled.' };
  }
  if (isPkiError(e)) return e.toJSON();
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    field: '',
    message: `Something went wrong inside certbench (${detail}). Nothing was saved; please report it.`,
  };
}

/** Results whose bytes can move rather than be copied: a whole byte array, or what the operation named (protocol.ts transferring). */
function transferables(value: unknown): Transferable[] {
  const named = transfersOf(value);
  if (named) {
    // A buffer that already moved is empty (detached); Node's MessagePort would drop the whole
    // message without a word, Chromium throws. Either way the page must hear of it.
    if (named.some((b) => b instanceof ArrayBuffer && b.byteLength === 0))
      throw new Error('a result buffer was already sent');
    return named;
  }
  if (
    value instanceof Uint8Array &&
    value.buffer instanceof ArrayBuffer &&
    value.byteLength === value.buffer.byteLength
  )
    return [value.buffer];
  return [];
}

export function serveOps(endpoint: Endpoint, ops: Readonly<Record<string, AnyHandler>>): void {
  const running = new Map<number, AbortController>();
  const send = (message: WorkerResponse, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);

  endpoint.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
    const request = event.data;
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    if (request.type === 'warm') {
      const handler = Object.hasOwn(ops, request.op) ? (ops[request.op] as Warmable) : undefined;
      // A failure here is not the user's: the call that follows loads the family again and reports it.
      handler?.warm?.().catch(() => undefined);
      return;
    }
    const { id, op, args } = request;
    const handler = Object.hasOwn(ops, op) ? ops[op] : undefined;
    if (!handler) {
      send({ type: 'error', id, error: { code: 'internal', field: '', message: `Unknown worker operation "${op}".` } });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const ctx: OpContext = {
      signal: controller.signal,
      progress: (done, total, label) =>
        send({ type: 'progress', id, done, total, ...(label === undefined ? {} : { label }) }),
    };
    const fail = (e: unknown) => send({ type: 'error', id, error: toWorkerError(e, controller.signal) });
    handler(args as never, ctx)
      .then((value) => {
        // A result that cannot be sent (not cloneable, a buffer to move that is already gone) is
        // answered as an error, not left for the page to wait on forever.
        try {
          send({ type: 'result', id, value }, transferables(value));
        } catch (e) {
          fail(e);
        }
      }, fail)
      .finally(() => running.delete(id));
  });
}
