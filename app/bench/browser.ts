/**
 * Benchmark section "browser": the production build in Debian's chromium. Builds with Vite (into
 * a folder of its own, so a Playwright run using dist/ meanwhile is not disturbed), serves it with
 * `vite preview` (a child process this section starts and stops), and prints:
 * time to an interactive page, gzipped JavaScript loaded before first interaction, batch
 * issuance through the worker next to the raw WebCrypto lower bound in the same page, the
 * longest main-thread task during the batch, and the time to inspect the system CA bundle.
 * Prints figures; never fails on them (a missing piece is printed as such).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/chromium-path.mjs';
import { workspaceOpen } from './workspace-open.ts';
import { viewVisits } from './view-visits.ts';
import { inspectBundle } from './browser-read.ts';
import { issueFigure, warmWorkerFigure } from './browser-issue.ts';
import { freshFloorFigure } from './fresh-floor.ts';
import { helperCount } from '../worker/leaf-helper-pool.ts';
import { clusterViewTraced, openClusterForm } from './cluster-view-trace.ts';
import { installBenchCall } from './bench-call.ts';
import { APP_READY, SYSTEM_BUNDLE } from './bench-inputs.ts';

const PORT = 4183;
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** A build of its own: `dist/` belongs to the Playwright suite, which may be running meanwhile. */
const OUT_DIR = join('node_modules', '.cache', 'certbench-bench-dist');
const VITE = join('node_modules', '.bin', 'vite');

const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function serve(): Promise<ChildProcess> {
  const server = spawn(
    VITE,
    ['preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${ORIGIN}`);
}

/** Navigation start to the shell's ready mark, measured by the page's own clock. */
async function loadOnce(browser: Browser): Promise<{ interactive: number; dcl: number; scripts: Map<string, Buffer> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    pending.push(
      r.body().then(
        (b) => void scripts.set(r.url(), b),
        () => undefined,
      ),
    );
  });
  await page.goto(`${ORIGIN}/`);
  const handle = await page.waitForFunction(
    (sel) => (document.querySelector(sel) ? performance.now() : false),
    APP_READY,
    {
      polling: 'raf',
      timeout: 30_000,
    },
  );
  const interactive = Number(await handle.jsonValue());
  const dcl = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.domContentLoadedEventEnd ?? NaN;
  });
  await Promise.all(pending);
  await context.close();
  return { interactive, dcl, scripts };
}

async function pageLoad(browser: Browser): Promise<void> {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await loadOnce(browser));
  console.log(
    `browser: interactive after ${ms(median(runs.map((r) => r.interactive)))} (median of 3 cold loads; DOMContentLoaded ${ms(median(runs.map((r) => r.dcl)))})`,
  );
  const scripts = runs[0]?.scripts ?? new Map<string, Buffer>();
  // The worker's script loads off the main thread (on the first view's first call); count it apart.
  const sum = (worker: boolean) => {
    let raw = 0;
    let gz = 0;
    let files = 0;
    for (const [url, body] of scripts) {
      if (/worker/.test(url) !== worker) continue;
      files++;
      raw += body.length;
      gz += gzipSync(body).length;
    }
    return { files, raw, gz };
  };
  const page = sum(false);
  const worker = sum(true);
  console.log(
    `browser: JS before first interaction, page: ${page.files} file(s), ${kib(page.raw)} raw, ${kib(page.gz)} gzipped (aim < 200 KiB)`,
  );
  if (worker.files)
    console.log(
      `browser: JS before first interaction, worker (off the main thread): ${kib(worker.raw)} raw, ${kib(worker.gz)} gzipped`,
    );
}

/** The text of every script of the build, joined (a trace names functions; this tells the app's from the rest). */
export function builtScriptsText(): string {
  const assets = join(OUT_DIR, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}

/** The built worker script: the page talks to it with the worker protocol directly. */
function workerUrl(): string | undefined {
  const file = readdirSync(join(OUT_DIR, 'assets')).find((f) => /^pki\.worker.*\.js$/.test(f));
  return file ? `${ORIGIN}/assets/${file}` : undefined;
}

type BenchGlobals = {
  benchCall: (op: string, args: unknown) => Promise<unknown>;
  benchLongTasks: number[];
  benchStart?: number;
  benchEnd?: number;
};

/** Block the main thread for 80 ms on purpose and see the long-task observer report it. */
async function observerWorks(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as BenchGlobals;
    g.benchLongTasks.length = 0;
    // A task of the page's own event loop (code run by evaluate itself is not attributed to the page).
    setTimeout(() => {
      const until = performance.now() + 80;
      while (performance.now() < until) {
        // busy on purpose
      }
    }, 0);
    await new Promise((r) => setTimeout(r, 200));
    const seen = g.benchLongTasks.length > 0;
    g.benchLongTasks.length = 0;
    return seen;
  });
}

/** Fresh pages (each starts its own worker) per figure through a view; the median is printed. */
const UI_RUNS = 3;

/**
 * The same bundle through the Inspect view, as a user sees it: file input to items on screen, and
 * the longest task meanwhile. The view starts the worker when it opens; the file is given as soon
 * as the view is ready, so part of the worker's start may still be in the figure.
 */
async function inspectThroughUi(browser: Browser): Promise<void> {
  const times: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < UI_RUNS; i++) {
    const page = await browser.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`${ORIGIN}/#/inspect`);
    await page.waitForSelector(APP_READY);
    await page.getByLabel('Add files').waitFor();
    await watchLongTasks(page);
    await startStopwatch(page.getByLabel('Add files'), 'change', '.inspect__status', /items? read/);
    await page.getByLabel('Add files').setInputFiles(SYSTEM_BUNDLE);
    await page.locator('.inspect__status', { hasText: /items? read/ }).waitFor({ timeout: 60_000 });
    times.push(await readStopwatch(page));
    longest.push(await longestTaskMs(page));
    await page.close();
  }
  console.log(
    `browser: inspect system CA bundle through the Inspect view (file input to items on screen): ${ms(median(times))} (median of ${UI_RUNS} fresh pages); longest main-thread task ${taskText(Math.max(...longest))}`,
  );
}

/** Start a long-task log in the page; read it with `longestTaskMs`. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const longest: number[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.push(entry.duration);
    }).observe({ type: 'longtask' });
    Object.assign(globalThis, { benchLongTasks: longest });
  });
}

/**
 * The page's own stopwatch, for a flow through a view: from the first `event` on `start` to the
 * first frame after an element matching `selector` reads `text`. Playwright's waiting polls at
 * 20-100 ms steps, which would be in the figure otherwise. Read it with `readStopwatch`.
 */
async function startStopwatch(start: Locator, event: string, selector: string, text: RegExp): Promise<void> {
  await start.evaluate((el, e) => {
    el.addEventListener(e, () => void ((globalThis as unknown as BenchGlobals).benchStart = performance.now()), {
      once: true,
      capture: true,
    });
  }, event);
  await start.page().evaluate(
    ({ sel, source, flags }) => {
      const g = globalThis as unknown as BenchGlobals;
      delete g.benchEnd;
      const re = new RegExp(source, flags);
      const observer = new MutationObserver(() => {
        if (![...document.querySelectorAll(sel)].some((e) => re.test(e.textContent ?? ''))) return;
        observer.disconnect();
        // After the next frame's rendering: the change is on screen.
        requestAnimationFrame(() => setTimeout(() => void (g.benchEnd = performance.now()), 0));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { sel: selector, source: text.source, flags: text.flags },
  );
}

async function readStopwatch(page: Page): Promise<number> {
  const elapsed = await page.waitForFunction(() => {
    const g = globalThis as unknown as BenchGlobals;
    return g.benchStart !== undefined && g.benchEnd !== undefined ? g.benchEnd - g.benchStart : false;
  });
  return Number(await elapsed.jsonValue());
}

/** The longest task the page's observer saw (0 for none over 50 ms), after giving it time to report. */
export async function longestTaskMs(page: Page): Promise<number> {
  await page.waitForTimeout(100);
  return page.evaluate(() => Math.max(0, ...(globalThis as unknown as BenchGlobals).benchLongTasks));
}

const taskText = (longest: number) => (longest ? ms(longest) : 'none over 50 ms');

/** Resolves once the page's workspace in IndexedDB holds at least `count` items. */
async function savedItems(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    async (want) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('certbench');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB did not open'));
      });
      try {
        const n = await new Promise<number>((resolve, reject) => {
          const req = db.transaction('items').objectStore('items').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('count failed'));
        });
        return n >= want;
      } finally {
        db.close();
      }
    },
    count,
    { polling: 100, timeout: 120_000 },
  );
}

/** The pause before the second click of the Cluster view's figures: a person typing a node list takes longer. */
const TYPING_MS = 2000;

/**
 * The whole Cluster flow as a user runs it: click to bundle ready, then until every item is in
 * IndexedDB (the writes go on after the bundle shows), with the longest task over both. The click
 * comes `typingMs` after the form is filled: at once, or after the time a person takes to type a
 * node list, during which the form's first focus has the worker prepare (cluster-rehearsal.ts).
 */
async function clusterThroughUi(browser: Browser, n: number, typingMs: number): Promise<void> {
  const { page, create } = await openClusterForm(browser, ORIGIN, n);
  await page.waitForTimeout(typingMs);
  await watchLongTasks(page);
  await startStopwatch(create, 'click', '.result button', /Download bundle/);
  const t0 = Date.now();
  await create.click();
  await page
    .getByRole('region', { name: 'Cluster bundle' })
    .getByRole('button', { name: 'Download bundle' })
    .waitFor({ timeout: 120_000 });
  const elapsed = await readStopwatch(page);
  await savedItems(page, n + 3); // the CA, n nodes, one client and the bundle
  const saved = Date.now() - t0; // polled: up to 100 ms late
  const when = typingMs
    ? `clicked ${typingMs / 1000} s after the form was filled`
    : 'clicked as soon as the form was filled';
  console.log(
    `browser: cluster of ${n} nodes through the Cluster view, ${when}: bundle ready after ${ms(elapsed)} (${ms(elapsed / (n + 2))}/cert), ` +
      `all in IndexedDB within ${ms(saved)}; longest main-thread task ${taskText(await longestTaskMs(page))}`,
  );
  await page.close();
}

async function workerFigures(browser: Browser): Promise<void> {
  const page = await workerPage(browser);
  if (!page) return void console.log(`browser: no pki.worker asset in ${OUT_DIR}/assets; worker figures skipped`);
  await inspectBundle(page);
  if (!(await observerWorks(page)))
    console.log(
      'browser: the long-task observer did not see a deliberate 80 ms task; the figures below are not trustworthy',
    );
  const figure100 = await issueFigure(page, 100);
  const threads = 1 + helperCount(await page.evaluate(() => navigator.hardwareConcurrency));
  // A same-origin document without the app: the worker's script, shown as text.
  const plainDocument = workerUrl();
  if (plainDocument) await freshFloorFigure(browser, plainDocument, 100, threads, figure100);
  await issueFigure(page, 1000);
  await warmWorkerFigure(page, 100, figure100.python);
  await page.close();
}

/**
 * Build the app (into OUT_DIR), serve it and start Chromium; `use` gets the browser, and the
 * server and browser are stopped after. `section` prefixes the lines it prints.
 */
export async function withBuiltApp(
  section: string,
  use: (browser: Browser) => Promise<void>,
  buildFlags: string[] = [],
): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath)
    return void console.log(
      `${section}: chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH); section not run`,
    );
  try {
    const t0 = performance.now();
    execFileSync(VITE, ['build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error', ...buildFlags], {
      stdio: 'inherit',
    });
    console.log(`${section}: vite build ${ms(performance.now() - t0)}`);
  } catch (e) {
    console.log(`${section}: vite build failed; section not run (${String(e)})`);
    return;
  }
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    server = await serve();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    await use(browser);
  } catch (e) {
    console.log(`${section}: stopped early: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close();
    server?.kill();
  }
}

/** A fresh page of the served app with the worker started and `benchCall` installed; undefined without a worker asset. */
export async function workerPage(browser: Browser): Promise<Page | undefined> {
  const url = workerUrl();
  if (!url) return undefined;
  const page = await browser.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(`${ORIGIN}/`);
  await installBenchCall(page, url);
  await watchLongTasks(page);
  return page;
}

export async function bench(): Promise<void> {
  await withBuiltApp('browser', async (browser) => {
    await pageLoad(browser);
    await viewVisits(browser, ORIGIN);
    await workerFigures(browser);
    if (existsSync(SYSTEM_BUNDLE)) await inspectThroughUi(browser);
    await workspaceOpen(browser, ORIGIN);
    for (const n of [100, 1000]) {
      try {
        await clusterThroughUi(browser, n, 0);
        await clusterThroughUi(browser, n, TYPING_MS);
        if (n === 1000) await clusterViewTraced(browser, ORIGIN, n);
      } catch (e) {
        console.log(
          `browser: cluster of ${n} nodes through the Cluster view: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
        );
      }
    }
  });
}
