/**
 * Pending IndexedDB writes, counted in the page. The app shows a new item as soon as it is in
 * memory and writes it to IndexedDB a moment later; a reload or a closed tab in that moment
 * aborts the write and the item is gone. Tests that reload or close a page wait for the count
 * to reach zero first (AppPage.reload, flushSaves).
 *
 * Why zero means "saved": the app queues its writes and starts the next transaction from the
 * previous one's `complete` handler, in the same task; the count, decremented by a listener
 * added before the app's own, is never read between the two.
 */
import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    __e2eIdbWrites?: { pending: number };
  }
}

/** The init script: wraps IDBDatabase.prototype.transaction to count open write transactions. */
function countIdbWrites(): void {
  const counter = { pending: 0 };
  Object.defineProperty(window, '__e2eIdbWrites', { value: counter });
  type Transaction = (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction;
  const transaction = Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction')?.value as Transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    if (tx.mode !== 'readonly') {
      counter.pending++;
      const settle = () => {
        counter.pending--;
      };
      tx.addEventListener('complete', settle, { once: true });
      tx.addEventListener('abort', settle, { once: true });
    }
    return tx;
  };
}

/** Count writes in every page of the context, from its next navigation on. */
export async function trackIdbWrites(context: BrowserContext): Promise<void> {
  await context.addInitScript(countIdbWrites);
}

/** Wait until every IndexedDB write the page started has committed (or failed). */
export async function flushSaves(page: Page): Promise<void> {
  const tracked = await page.evaluate(() => window.__e2eIdbWrites !== undefined);
  if (!tracked)
    throw new Error(
      'IndexedDB writes are not counted in this page: use the fixtures of e2e/fixtures.ts (trackIdbWrites).',
    );
  // Poll on a timer, not on animation frames: a page in the background gets none.
  await page.waitForFunction(() => window.__e2eIdbWrites?.pending === 0, undefined, { polling: 50, timeout: 30_000 });
}
