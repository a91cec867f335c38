/**
 * Part of `npm run bench -- trace`: the bench's N=100 rounds in a fresh worker (the same steps as
 * the goal line: WARM_UP_CALLS clusters of WARM_UP_NODES, then BATCH_ROUNDS of ROUND_N, python's
 * anchor between rounds), with no trace running, and per round what the kernel counted for
 * Chromium's threads (thread-schedstat.ts): how long each ran on a core, and how long it waited on
 * a run queue for one. The counts are read just before and after the page evaluates the call (so
 * they include Playwright's round trip, and no settling frame); the wall time is the call's own,
 * timed in the page.
 *
 * What it showed on this machine (6 December, 2 cores, one leaf helper): in rounds 2-5 the
 * renderer's threads used 1.6-2.0 cores' worth of CPU, so both cores were busy through the round;
 * the pki worker, which carries the round (the CA, the plan, most leaves, the result), ran 18-25
 * ms and waited 3-14 ms on the run queue behind its helper (7-10 ms), V8's compilers on the thread
 * pool (13-27 ms) and the page (3-9 ms). The first round can also meet the page's own start (its
 * main thread ran 62 ms in one first round).
 */
import type { Browser, Page } from 'playwright-core';
import { BATCH_ROUNDS, clusterArgs, clusterOnce, WARM_UP_CALLS, WARM_UP_NODES } from './browser-issue.ts';
import { workerPage } from './browser.ts';
import { nodeListFile, pythonInMemory } from './issue-anchor.ts';
import { readChromiumThreads, roundThreads, threadSpans, type RunWait } from './thread-schedstat.ts';

const ROUND_N = 100;

const ms = (n: number) => n.toFixed(1);
const pair = (x: RunWait | undefined) => (x ? `${ms(x.runMs)}/${ms(x.waitMs)}` : '-');

/** One Cluster call through the page's benchCall (bench-call.ts), timed in the page. */
async function bareCall(page: Page, round: number): Promise<number> {
  return page.evaluate(
    async (args) => {
      const call = (globalThis as unknown as { benchCall: (op: string, a: unknown) => Promise<unknown> }).benchCall;
      const t0 = performance.now();
      await call('setUpCluster', args);
      return performance.now() - t0;
    },
    clusterArgs(ROUND_N, round),
  );
}

export async function schedRounds(browser: Browser): Promise<void> {
  if (readChromiumThreads().size === 0)
    return void console.log('trace: no per-thread counters here (/proc/PID/task/TID/schedstat is Linux only)');
  const page = await workerPage(browser);
  if (!page) return void console.log('trace: no worker asset in the build; per-thread counters not read');
  for (let i = 0; i < WARM_UP_CALLS; i++) await clusterOnce(page, WARM_UP_NODES, -1 - i);
  const nodes = nodeListFile(ROUND_N);
  console.log(
    `trace: cluster of ${ROUND_N} nodes in a fresh worker after ${WARM_UP_CALLS} clusters of ${WARM_UP_NODES}, no trace running; ` +
      `per round, the kernel's count of Chromium's threads (run on a core / waited for one, ms): ` +
      `wall | pki worker | leaf helper | thread pool (V8's compilers, GC helpers) | the page's main thread | every other thread`,
  );
  for (let round = 0; round < BATCH_ROUNDS; round++) {
    pythonInMemory(nodes);
    const before = readChromiumThreads();
    const wall = await bareCall(page, round);
    const t = roundThreads(threadSpans(before, readChromiumThreads()));
    const asked = [...t.workers, t.pool, t.page, t.rest].reduce((sum, x) => sum + x.runMs, 0);
    console.log(
      `trace:   round ${round + 1}: ${ms(wall)} | ${pair(t.workers[0])} | ${pair(t.workers[1])} | ${pair(t.pool)} | ${pair(t.page)} | ${pair(t.rest)}; ` +
        `${ms(asked)} ms of CPU in all, ${(asked / wall).toFixed(2)} cores' worth`,
    );
  }
  await page.close();
}
