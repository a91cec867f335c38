/**
 * Benchmark section "trace" (only when named: `npm run bench -- trace`): where the Chromium
 * worker's time goes in the Cluster operation of TRACE_N nodes. One warm call, then one under a
 * Chromium performance trace (V8's sampling profiler on every thread), summarised:
 *  - the worker threads' samples (the pki worker and its leaf helper, summed) by kind: the WebCrypto calls (Chromium does WebCrypto's work on
 *    the calling thread: a call returns once the work is done, only its promise settles later;
 *    so these samples are the crypto itself, the floor any issuer on WebCrypto pays), messaging
 *    (postMessage: progress and the result's structured clone), garbage collection, native time
 *    outside JavaScript, idle, and certbench's own JavaScript, with its heaviest functions;
 *  - the busy time of Chromium's thread pool during the call, by what V8 did there (its
 *    concurrent compilers, its parallel garbage collection) and the rest (other tasks of the
 *    renderer; 0.000 to 0.026 ms/cert in the runs of 6 December). On a machine of two cores this
 *    competes with the worker's thread.
 * Then the bench's own N=100 figure round by round in a fresh worker (trace-rounds.ts), the same
 * rounds with no trace running and the kernel's count of each thread's time on a core and in the
 * run queue (sched-rounds.ts), and which of the worker's functions V8 promoted to its optimising
 * tiers in each of those rounds (trace-tiers.ts).
 * The build is not minified, so functions keep their names. Writes the raw trace to TRACE_FILE
 * for chrome://tracing or Perfetto.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { clusterOnce } from './browser-issue.ts';
import { withBuiltApp, workerPage } from './browser.ts';
import { schedRounds } from './sched-rounds.ts';
import { traceRounds } from './trace-rounds.ts';
import { traceTiers } from './trace-tiers.ts';
import {
  POOL_THREADS,
  threadNames,
  threadWork,
  V8_WORK_CATEGORIES,
  WORKER_THREAD,
  type ProfileNode,
  type TraceEvent,
} from './trace-threads.ts';

const TRACE_N = 1000;
const TRACE_FILE = join(tmpdir(), 'certbench-cluster-trace.json');
const CATEGORIES = [...V8_WORK_CATEGORIES, 'devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8.execute'];

/** WebCrypto's entry points as V8 names them (native frames of the worker). */
const WEBCRYPTO = new Set(['generateKey', 'exportKey', 'importKey', 'sign', 'verify', 'digest', 'getRandomValues']);
const MESSAGING = new Set(['postMessage', 'send']);

const OURS = 'certbench JS';

/** What a sample of a worker thread was spent on. */
function kindOf(fn: string, url: string): string {
  if (WEBCRYPTO.has(fn) && !url) return 'WebCrypto calls';
  if (MESSAGING.has(fn)) return 'messaging';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'native outside JS (Blink bindings, V8)';
  return OURS;
}

const perCert = (us: number) => `${(us / 1000 / (TRACE_N + 2)).toFixed(3)} ms/cert`;

function summarise(events: TraceEvent[]): void {
  const threadName = threadNames(events);
  const all = { from: -Infinity, to: Infinity };
  const pool = threadWork(events, threadName, POOL_THREADS, all);
  const worker = threadWork(events, threadName, WORKER_THREAD, all);
  console.log(
    `trace: Chromium's thread pool busy ${perCert(pool.tasks)}: V8 compiling ${perCert(pool.compile)}, V8 collecting garbage ${perCert(pool.gc)}, ` +
      `the rest ${perCert(Math.max(0, pool.tasks - pool.compile - pool.gc))} (summed over its threads; CPU time; WebCrypto's own work is in the worker threads' samples below, as its calls)`,
  );
  console.log(
    `trace: on the worker threads themselves (the pki worker and its leaf helper), V8 compiling ${perCert(worker.compile)} and collecting garbage ${perCert(worker.gc)} (CPU time, inside the samples below)`,
  );
  // The worker threads' sampled profiles: Profile announces a profile id on a thread, chunks follow.
  const profileThread = new Map<string, string>();
  for (const e of events) if (e.name === 'Profile' && e.id) profileThread.set(e.id, `${e.pid}:${e.tid}`);
  // Node ids are per profile (each thread's profile counts from 1): keyed by profile and id, or
  // the pki worker's samples would be read with its leaf helper's function names.
  const nodes = new Map<string, ProfileNode>();
  const self = new Map<string, number>();
  const kinds = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id || !WORKER_THREAD.test(threadName.get(profileThread.get(e.id) ?? '') ?? ''))
      continue;
    const data = e.args?.data;
    const profile = e.id;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(`${profile}:${n.id}`, n);
    (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      const frame = nodes.get(`${profile}:${id}`)?.callFrame;
      const fn = frame?.functionName || '(anonymous)';
      const us = data?.timeDeltas?.[i] ?? 0;
      const kind = kindOf(fn, frame?.url ?? '');
      kinds.set(kind, (kinds.get(kind) ?? 0) + us);
      if (kind === OURS) self.set(fn, (self.get(fn) ?? 0) + us);
    });
  }
  console.log(
    `trace: the worker threads' samples (the pki worker and its leaf helper): ${[...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => `${k} ${perCert(us)}`)
      .join('; ')}`,
  );
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`trace: heaviest of the rest (self time): ${top.map(([f, us]) => `${f} ${perCert(us)}`).join(', ')}`);
}

export async function bench(): Promise<void> {
  await withBuiltApp(
    'trace',
    async (browser) => {
      const page = await workerPage(browser);
      if (!page) return void console.log('trace: no worker asset in the build; not traced');
      await clusterOnce(page, TRACE_N, 0);
      await browser.startTracing(page, { categories: CATEGORIES });
      const { elapsed } = await clusterOnce(page, TRACE_N, 1);
      const raw = await browser.stopTracing();
      writeFileSync(TRACE_FILE, raw);
      console.log(
        `trace: cluster of ${TRACE_N} nodes through the worker under tracing: ${elapsed.toFixed(0)} ms, ${perCert(elapsed * 1000)} (trace in ${TRACE_FILE})`,
      );
      const parsed = JSON.parse(raw.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      summarise(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
      await page.close();
      await traceRounds(browser);
      await schedRounds(browser);
      await traceTiers();
    },
    ['--minify', 'false'],
  );
}
