/**
 * Part of `npm run bench -- trace`: the bench's N=100 figure (browser-issue.ts issueFigure) made
 * again under a Chromium trace, round by round, to show where a fresh worker's rounds go beyond
 * the work itself. Same steps as the figure: a fresh worker, WARM_UP_CALLS clusters of
 * WARM_UP_NODES, then BATCH_ROUNDS clusters of ROUND_N; then as many again once the worker is warm.
 * Per round: the wall time the page measured, and from the trace the CPU time V8 spent meanwhile
 * compiling and collecting garbage, on the worker threads (the pki worker and its leaf helper) and
 * on Chromium's thread pool (where V8's concurrent compilers run: on two cores they take the core
 * the worker is not on, and the browser's and the page's threads share what is left). Tracing
 * slows every round a little.
 */
import type { Browser, Page } from 'playwright-core';
import { workerPage } from './browser.ts';
// WARM_CALLS: the clusters between the fresh rounds and the warm ones, as the browser section's warm
// line makes them (there after the N=1000 figure too; here not).
import { BATCH_ROUNDS, CALL_MARKS, clusterOnce, WARM_CALLS, WARM_UP_CALLS, WARM_UP_NODES } from './browser-issue.ts';
import {
  POOL_THREADS,
  threadNames,
  threadWork,
  V8_WORK_CATEGORIES,
  WORKER_THREAD,
  type TraceEvent,
  type Window,
} from './trace-threads.ts';

const ROUND_N = 100;

const ms = (us: number) => `${(us / 1000).toFixed(1)}`;

/** The windows between CALL_MARKS in the page's user timing, in trace microseconds, in order. */
function callWindows(events: readonly TraceEvent[]): Window[] {
  const at = (name: string) =>
    events
      .filter((e) => e.name === name && e.ts !== undefined)
      .map((e) => e.ts ?? 0)
      .sort((a, b) => a - b);
  const starts = at(CALL_MARKS.start);
  const ends = at(CALL_MARKS.end);
  return starts.map((from, i) => ({ from, to: ends[i] ?? from }));
}

async function tracedRounds(
  browser: Browser,
  page: Page,
  label: string,
  run: (round: number) => Promise<number>,
): Promise<void> {
  const walls: number[] = [];
  await browser.startTracing(page, { categories: [...V8_WORK_CATEGORIES, 'blink.user_timing'] });
  for (let round = 0; round < BATCH_ROUNDS; round++) walls.push(await run(round));
  const raw = await browser.stopTracing();
  const parsed = JSON.parse(raw.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const names = threadNames(events);
  const windows = callWindows(events);
  console.log(
    `trace: ${label}, per round: wall ms | worker threads (pki worker and leaf helper): V8 compiling, GC | thread pool: V8 compiling, GC (CPU ms)`,
  );
  walls.forEach((wall, i) => {
    const window = windows[i];
    if (!window) return void console.log(`trace:   round ${i + 1}: ${wall.toFixed(1)} (no marks found in the trace)`);
    const worker = threadWork(events, names, WORKER_THREAD, window);
    const pool = threadWork(events, names, POOL_THREADS, window);
    console.log(
      `trace:   round ${i + 1}: ${wall.toFixed(1)} | ${ms(worker.compile)}, ${ms(worker.gc)} | ${ms(pool.compile)}, ${ms(pool.gc)}`,
    );
  });
}

/** A fresh worker's rounds as the bench makes them, then the same worker's once warm, each under a trace. */
export async function traceRounds(browser: Browser): Promise<void> {
  const page = await workerPage(browser);
  if (!page) return void console.log('trace: no worker asset in the build; rounds not traced');
  const round = async (n: number, tag: number) => (await clusterOnce(page, n, tag, true)).elapsed;
  for (let i = 0; i < WARM_UP_CALLS; i++) await clusterOnce(page, WARM_UP_NODES, -1 - i);
  await tracedRounds(
    browser,
    page,
    `cluster of ${ROUND_N} nodes in a fresh worker after ${WARM_UP_CALLS} clusters of ${WARM_UP_NODES} (the bench's N=100 rounds)`,
    (i) => round(ROUND_N, i),
  );
  for (let i = 0; i < WARM_CALLS; i++) await clusterOnce(page, ROUND_N, 100 + i);
  await tracedRounds(browser, page, `the same worker after ${WARM_CALLS} more clusters of ${ROUND_N}`, (i) =>
    round(ROUND_N, 200 + i),
  );
  await page.close();
}
