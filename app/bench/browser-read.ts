/**
 * Benchmark section "inspect", and the inspect figure of section "browser": the system CA bundle
 * through the worker's inspect operation in Chromium, everything included (read, summarise +
 * lint, relate with every self-signature checked, diagnose, and the report's trip back to the
 * page), per certificate, beside issue 14's goal and python `cryptography` reading the same
 * bundle in the same run (app/bench/read_python.py). The request is the Inspect view's own: a
 * report of that many certificates comes without their trees, and each is made when its row is
 * opened (InspectRequest.treesOnRequestFrom), so that step is timed on its own, per tree. What
 * the steady calls cost each of Chromium's threads is printed beside them (steadyCost): it says
 * whether the machine's cores, not certbench's sharing of the work, bound the figure.
 * `npm run bench -- inspect` runs only this; it builds and serves like "browser", so serialize it
 * the same way (flock on the browser bench lock).
 * Prints figures; never fails on them. A missing python anchor stops the section with a message.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { withBuiltApp, workerPage } from './browser.ts';
import { TABLE_FROM } from '../features/inspect/cert-rows.ts';
import { inspectViewTasks } from './inspect-view-tasks.ts';
import { SYSTEM_BUNDLE } from './bench-inputs.ts';
import { readChromiumThreads, roundThreads, threadSpans, type RunWait, type ThreadSpan } from './thread-schedstat.ts';

/** Issue 14: "at most 0.25 ms a certificate for the CA bundle in the Chromium worker, everything included". */
const GOAL_MS_PER_CERT = 0.25;
/** Calls after the first two: V8 optimises the core over the first few runs, so one warm call is not yet steady. */
const STEADY_RUNS = 11;
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'read_python.py');
const PYTHON = process.env.PYTHON ?? 'python3';

const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 0)} ms`;

interface PythonRead {
  n: number;
  parse: number;
  fields: number;
  verify: number;
  versions: string;
}

/** python `cryptography` over the same bundle (best of its own runs); throws naming what to install. */
function pythonRead(bundle: string): PythonRead {
  let out: string;
  try {
    out = execFileSync(PYTHON, [SCRIPT, bundle], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? String(e);
    throw new Error(
      `The python anchor failed (${PYTHON} ${SCRIPT}): ${stderr.trim().split('\n').slice(-1)[0] ?? ''}. ` +
        'The bench needs python3 with the cryptography package (pip install cryptography; PYTHON=path picks another interpreter).',
      { cause: e },
    );
  }
  const r = JSON.parse(out.trim().split('\n').slice(-1)[0] ?? '{}') as {
    n: number;
    parse_ms: number;
    fields_ms: number;
    verify_ms: number;
    python: string;
    cryptography: string;
  };
  return {
    n: r.n,
    parse: r.parse_ms,
    fields: r.fields_ms,
    verify: r.verify_ms,
    versions: `python ${r.python}, cryptography ${r.cryptography}`,
  };
}

type InspectGlobals = {
  benchCall: (op: string, args: unknown) => Promise<unknown>;
  /** The last call's report, kept in the page for the trees and the clone. */
  benchInspectReport?: { at: string; items: { pem?: string; source: string; tree?: unknown }[] };
};

/** `n` Inspect calls of the bundle in the page, one after another: each call's time, or the failure. */
async function inspectCalls(page: Page, data: string, n: number): Promise<number[] | { error: string }> {
  return page.evaluate(
    async ({ data, n, treesOnRequestFrom }) => {
      const g = globalThis as unknown as InspectGlobals;
      const times: number[] = [];
      try {
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const inputs = [{ name: 'ca-certificates.crt', data }];
          g.benchInspectReport = (await g.benchCall('inspect', {
            inputs,
            treesOnRequestFrom,
          })) as InspectGlobals['benchInspectReport'];
          times.push(performance.now() - t0);
        }
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
      return times;
    },
    { data, n, treesOnRequestFrom: TABLE_FROM },
  );
}

/**
 * What the steady calls cost the machine, per call, from the kernel's counts of Chromium's
 * threads (thread-schedstat.ts): each worker (the pki worker and its leaf helper), the thread
 * pool (V8's compilers and GC helpers), the page, and the rest; ran on a core / waited for one.
 * When the threads' CPU is about the cores' worth of the calls' wall time, the machine is the
 * bound, and no sharing of the work makes a call shorter on average.
 */
function steadyCost(spans: ThreadSpan[], calls: number, meanWall: number): string {
  const t = roundThreads(spans);
  const per = (x: RunWait) => `${(x.runMs / calls).toFixed(1)}/${(x.waitMs / calls).toFixed(1)}`;
  const cpu = [...t.workers, t.pool, t.page, t.rest].reduce((sum, x) => sum + x.runMs, 0) / calls;
  return (
    `browser: inspect, what each of those ${calls} calls cost the machine (the kernel's counts, ms run on a core/waited for one): ` +
    `workers ${t.workers.map(per).join(' and ')}, thread pool (V8's compilers, GC helpers) ${per(t.pool)}, ` +
    `the page ${per(t.page)}, every other thread ${per(t.rest)}; ${cpu.toFixed(1)} ms of CPU per call against a mean wall of ` +
    `${meanWall.toFixed(1)} ms: ${(cpu / meanWall).toFixed(2)} cores' worth of the machine's ${availableParallelism()}`
  );
}

/**
 * The system CA bundle through the worker (`page` from workerPage), as three figures: the first
 * call (the worker's script loads, and the core runs unoptimised), the second (still mostly
 * unoptimised), and the best of STEADY_RUNS after them, with the median beside it (the machine may
 * be shared: the best is the least disturbed run, the median says how disturbed), and what those
 * calls cost the machine (steadyCost). Beside them, a structured clone of the report in the page
 * (the protocol's own share) and the python anchor.
 */
export async function inspectBundle(page: Page): Promise<void> {
  if (!existsSync(SYSTEM_BUNDLE))
    return void console.log(
      `browser: inspect system CA bundle: ${SYSTEM_BUNDLE} not found (apt-get install -y ca-certificates)`,
    );
  const text = readFileSync(SYSTEM_BUNDLE, 'utf8');
  const certs = text.split('BEGIN CERTIFICATE').length - 1;
  const firstTwo = await inspectCalls(page, text, 2);
  if ('error' in firstTwo) return void console.log(`browser: inspect system CA bundle: failed (${firstTwo.error})`);
  const before = readChromiumThreads();
  const rest = await inspectCalls(page, text, STEADY_RUNS);
  if ('error' in rest) return void console.log(`browser: inspect system CA bundle: failed (${rest.error})`);
  const spans = threadSpans(before, readChromiumThreads());
  const out = await page.evaluate(async () => {
    const g = globalThis as unknown as InspectGlobals;
    const report = g.benchInspectReport;
    const trees: number[] = [];
    try {
      // Each row's tree, one request at a time, as a person opens rows.
      for (const item of report?.items ?? []) {
        if (item.tree || !item.pem) continue;
        const t0 = performance.now();
        await g.benchCall('inspectTree', { pem: item.pem, source: item.source, at: report?.at });
        trees.push(performance.now() - t0);
      }
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
    const t0 = performance.now();
    structuredClone(report);
    const clone = performance.now() - t0;
    return { trees, items: report?.items.length ?? 0, clone, bytes: JSON.stringify(report).length };
  });
  if ('error' in out) return void console.log(`browser: inspect system CA bundle: failed (${out.error})`);
  const [first = NaN, second = NaN] = firstTwo;
  const steady = Math.min(...rest);
  const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const median = middle(rest);
  const per = steady / certs;
  console.log(
    `browser: inspect system CA bundle (${certs} certs, ${out.items} items: read, summarise + lint, relate, diagnose) through the worker: ` +
      `${ms(steady)}, ${ms(per)}/cert (best of ${STEADY_RUNS} after two; median ${ms(median / certs)}/cert); ` +
      `goal at most ${ms(GOAL_MS_PER_CERT)}/cert: ${per <= GOAL_MS_PER_CERT ? 'met' : `not met (${(per / GOAL_MS_PER_CERT).toFixed(2)}x)`}`,
  );
  console.log(
    `browser: inspect, first call ${ms(first)} (worker start included), second ${ms(second)}; ` +
      `the report is ${(out.bytes / 1024).toFixed(0)} KiB as JSON, a structured clone of it in the page ${ms(out.clone)}; ` +
      `a row's tree on request (read again, explained, sent): ${ms(middle(out.trees))} (median of ${out.trees.length}, one at a time)`,
  );
  console.log(
    spans.length > 0
      ? steadyCost(spans, rest.length, rest.reduce((t, x) => t + x, 0) / rest.length)
      : "browser: inspect, what those calls cost the machine: no per-thread counters here (the kernel's schedstat is Linux only)",
  );
  const py = pythonRead(SYSTEM_BUNDLE);
  const pyPer = (x: number) => x / py.n;
  console.log(
    `browser: inspect, anchor ${py.versions} on the same bundle in this run: parse ${ms(pyPer(py.parse))}/cert (lazy: fields decode on access), ` +
      `parse + a summary's fields ${ms(pyPer(py.fields))}/cert, + each self-signature checked ${ms(pyPer(py.verify))}/cert; ` +
      `certbench / python (fields + signatures): ${(per / pyPer(py.verify)).toFixed(2)}x`,
  );
}

export async function bench(): Promise<void> {
  await withBuiltApp('inspect', async (browser) => {
    const page = await workerPage(browser);
    if (!page) return void console.log('inspect: no pki.worker asset in the build; not measured');
    await inspectBundle(page);
    const origin = new URL(page.url()).origin;
    await page.close();
    if (existsSync(SYSTEM_BUNDLE))
      await inspectViewTasks(
        browser,
        origin,
        SYSTEM_BUNDLE,
        readFileSync(SYSTEM_BUNDLE, 'utf8').split('BEGIN CERTIFICATE').length - 1,
      );
  });
}
