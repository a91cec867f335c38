/**
 * Chromium's threads as the Linux kernel counts them: for each thread, the time it ran on a core
 * and the time it waited on a run queue for one (/proc/PID/task/TID/schedstat, nanoseconds), with
 * no tracing at all. A Chromium trace slows the work it watches (the same round of 100 nodes took
 * about 2.5 times as long under V8's sampling profiler), and its wall-against-CPU reading of a
 * task cannot tell a thread that waits for a core from one that sleeps. The kernel's counts can.
 *
 * Linux only: elsewhere readChromiumThreads returns an empty map and the caller says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One thread's counters, nanoseconds since it started. */
export interface ThreadCounters {
  /** Chromium's process type (--type=renderer, gpu-process, ...), "browser" for the main process. */
  process: string;
  /** The thread's name as the kernel keeps it (15 characters at most). */
  name: string;
  runNs: number;
  waitNs: number;
}

/** schedstat's first two fields: time on a core, time waiting on a run queue. */
export function parseSchedstat(text: string): { runNs: number; waitNs: number } | undefined {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  if (run === undefined || wait === undefined || !Number.isFinite(run) || !Number.isFinite(wait)) return undefined;
  return { runNs: run, waitNs: wait };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Every thread of every Chromium process under `proc`, keyed by "PID/TID". */
export function readChromiumThreads(proc = '/proc'): Map<string, ThreadCounters> {
  const threads = new Map<string, ThreadCounters>();
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((p) => /^\d+$/.test(p));
  } catch {
    return threads;
  }
  for (const pid of pids) {
    // cmdline's arguments are separated by NUL bytes, unless the process rewrote its title, as
    // Chromium's child processes do: then they are one string separated by spaces.
    const args = readOrEmpty(join(proc, pid, 'cmdline')).split(/[\0 ]+/);
    if (!args[0] || !/chrom/i.test(args[0])) continue;
    const process = args.find((a) => a.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
    let tids: string[];
    try {
      tids = readdirSync(join(proc, pid, 'task'));
    } catch {
      continue;
    }
    for (const tid of tids) {
      const counters = parseSchedstat(readOrEmpty(join(proc, pid, 'task', tid, 'schedstat')));
      if (!counters) continue;
      const name = readOrEmpty(join(proc, pid, 'task', tid, 'comm')).trim();
      threads.set(`${pid}/${tid}`, { process, name, ...counters });
    }
  }
  return threads;
}

/** Time on a core and time waiting on a run queue for one, milliseconds. */
export interface RunWait {
  runMs: number;
  waitMs: number;
}

/** What one thread did between two readings. */
export interface ThreadSpan extends RunWait {
  process: string;
  name: string;
}

/** The threads that ran or waited between `before` and `after`, the busiest first (a thread born meanwhile counts from zero). */
export function threadSpans(
  before: ReadonlyMap<string, ThreadCounters>,
  after: ReadonlyMap<string, ThreadCounters>,
): ThreadSpan[] {
  const spans: ThreadSpan[] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    const runMs = (now.runNs - (then?.runNs ?? 0)) / 1e6;
    const waitMs = (now.waitNs - (then?.waitNs ?? 0)) / 1e6;
    if (runMs > 0 || waitMs > 0) spans.push({ process: now.process, name: now.name, runMs, waitMs });
  }
  return spans.sort((a, b) => b.runMs - a.runMs);
}

/**
 * The renderer's threads of a Cluster round by role: its dedicated workers one by one, the
 * busiest first (the pki worker makes the CA, the plan and most leaves; then its leaf helper),
 * Chromium's thread pool summed (V8's concurrent compilers and GC helpers run there), the page's
 * main thread, and every other thread of every Chromium process summed.
 */
export interface RoundThreads {
  workers: RunWait[];
  pool: RunWait;
  page: RunWait;
  rest: RunWait;
}

export function roundThreads(spans: readonly ThreadSpan[]): RoundThreads {
  const sum = (list: readonly ThreadSpan[]): RunWait => ({
    runMs: list.reduce((t, s) => t + s.runMs, 0),
    waitMs: list.reduce((t, s) => t + s.waitMs, 0),
  });
  const renderer = spans.filter((s) => s.process === 'renderer');
  const workers = renderer.filter((s) => s.name.startsWith('DedicatedWorker'));
  const pool = renderer.filter((s) => s.name.startsWith('ThreadPoolForeg'));
  // The renderer's main thread keeps the process's name.
  const page = renderer.filter((s) => /^(chrom|CrRendererMain)/i.test(s.name));
  const named = new Set([...workers, ...pool, ...page]);
  return {
    workers: workers.map(({ runMs, waitMs }) => ({ runMs, waitMs })),
    pool: sum(pool),
    page: sum(page),
    rest: sum(spans.filter((s) => !named.has(s))),
  };
}
