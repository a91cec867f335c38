/**
 * A change told to the other tabs in slices. postMessage clones its message on the calling
 * thread: the 1,003 records of a thousand-node cluster in one BroadcastChannel message were a
 * 25-45 ms task in Chromium traces (the IndexedDB puts beside it are sliced already,
 * sliced-puts.ts). Records go `perMessage` to a message and messages a slice of at most
 * `budgetMs` per task; what is not records (the deleted ids, a lock change) rides on the first.
 * A receiving tab applies each message as it comes (item-storage.ts), in order: a slice is a
 * change like any other.
 */
import { nextTask, SLICE_MS } from './sliced-puts.ts';

/** Records in one message: about 1-2 ms of cloning for certificates with their keys and chains. */
export const RECORDS_PER_MESSAGE = 50;

interface Announcement {
  put: readonly unknown[];
  deleted: readonly string[];
}

/** Post `message` as one or more messages; resolves once the last is posted. */
export async function announceInSlices<M extends Announcement>(
  post: (message: M) => void,
  message: M,
  {
    budgetMs = SLICE_MS,
    perMessage = RECORDS_PER_MESSAGE,
    now = () => performance.now(),
  }: { budgetMs?: number; perMessage?: number; now?: () => number } = {},
): Promise<void> {
  let start = now();
  let at = 0;
  for (;;) {
    const put = message.put.slice(at, at + perMessage);
    post(at === 0 ? { ...message, put } : ({ put, deleted: [] } as unknown as M));
    at += perMessage;
    if (at >= message.put.length) return;
    if (now() - start >= budgetMs) {
      await nextTask();
      start = now();
    }
  }
}
