/**
 * The bench's own client of the built worker: `benchCall(op, args)` in the page speaks the worker
 * protocol directly (no app code on the page), and resolves as the app's client does.
 */
import type { Page } from 'playwright-core';
import { pageDecodersSource } from '../worker/page-results.ts';

/**
 * Start the worker in the page and expose `benchCall(op, args)` resolving with the op's result as
 * the app's client gives it: a result the worker sends in a compact form is decoded in the page by
 * the client's own decoders (page-results.ts, installed by their source), so that work is timed.
 */
export async function installBenchCall(page: Page, url: string): Promise<void> {
  // A string, not a function: the page's Content-Security-Policy refuses eval, and Playwright's
  // own evaluation of an expression is not subject to it.
  await page.evaluate(`globalThis.benchDecoders = ${pageDecodersSource()};`);
  await page.evaluate((src) => {
    const worker = new Worker(src, { type: 'module' });
    const decoders = (globalThis as unknown as { benchDecoders: Record<string, (wire: unknown) => unknown> })
      .benchDecoders;
    let next = 1;
    const waiting = new Map<number, { op: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    worker.addEventListener(
      'message',
      (e: MessageEvent<{ type: string; id: number; value?: unknown; error?: { message: string } }>) => {
        const w = waiting.get(e.data.id);
        if (!w || e.data.type === 'progress') return;
        waiting.delete(e.data.id);
        const decode = Object.hasOwn(decoders, w.op) ? decoders[w.op] : undefined;
        if (e.data.type !== 'result') return w.reject(new Error(e.data.error?.message ?? 'worker error'));
        // A decoder that throws fails the call (and the bench) instead of leaving it unsettled.
        try {
          w.resolve(decode ? decode(e.data.value) : e.data.value);
        } catch (error) {
          w.reject(new Error(`the ${w.op} answer could not be decoded: ${String(error)}`));
        }
      },
    );
    const call = (op: string, args: unknown) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { op, resolve, reject });
        worker.postMessage({ type: 'call', id, op, args });
      });
    Object.assign(globalThis, { benchCall: call });
  }, url);
}
