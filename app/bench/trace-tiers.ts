/**
 * Part of `npm run bench -- trace`: when V8 promotes the worker's code to its optimising tiers
 * during the bench's N=100 figure (browser-issue.ts issueFigure): same steps, a fresh worker,
 * WARM_UP_CALLS clusters of WARM_UP_NODES, then BATCH_ROUNDS clusters of ROUND_N, in a Chromium
 * of its own started with V8's --trace-opt. V8 promotes a function to Maglev, then TurboFan,
 * once it has run as much bytecode as a set number of its whole runs (this Chromium's
 * --invocation-count-for-maglev and --invocation-count-for-turbofan, read from its --js-flags=--help),
 * so code that runs once per certificate crosses them at a certificate count, whatever the
 * machine. V8 prints to the renderer's stdout, page and worker alike, in order: a marker function
 * the page optimises at once between rounds splits the output into rounds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/chromium-path.mjs';
import { BATCH_ROUNDS, clusterOnce, WARM_UP_CALLS, WARM_UP_NODES } from './browser-issue.ts';
import { builtScriptsText, workerPage } from './browser.ts';

const ROUND_N = 100;
const MARK = 'certbenchTierMark';
/** Names listed per round (the count is printed whole). */
const NAMES_SHOWN = 8;
const HELP_WAIT_MS = 10_000;

/**
 * Defaults of V8 flags in this Chromium, from its own help text (`--js-flags=--help` prints it and
 * leaves Chromium running: it is stopped once every flag is read, or after HELP_WAIT_MS).
 */
async function v8Defaults(executable: string, flags: readonly string[]): Promise<Map<string, string>> {
  const child = spawn(executable, [...CHROMIUM_ARGS, '--headless', '--js-flags=--help', 'about:blank'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const found = new Map<string, string>();
  let text = '';
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, HELP_WAIT_MS);
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      text += s;
      for (const flag of flags) {
        const value = new RegExp(`--${flag}=(\\d+)`).exec(text)?.[1];
        if (value) found.set(flag, value);
      }
      if (found.size === flags.length) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  child.kill();
  return found;
}

/** Optimise a function named MARK + `n` in the page at once, so V8 prints its name where the rounds meet. */
async function mark(page: Page, n: number): Promise<void> {
  const name = `${MARK}${n}`;
  await page.evaluate(
    `(() => { function ${name}() { return 1; } %PrepareFunctionForOptimization(${name}); ${name}(); %OptimizeFunctionOnNextCall(${name}); ${name}(); })()`,
  );
}

/** Chromium with --trace-opt, driven over CDP; its stdout is kept. */
async function tracingChromium(executable: string) {
  const profile = mkdtempSync(join(tmpdir(), 'certbench-tiers-'));
  const child = spawn(
    executable,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--js-flags=--trace-opt --allow-natives-syntax',
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (s: string) => out.push(s));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      const ws = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (ws?.[1]) resolve(ws[1]);
    });
    child.on('close', () => reject(new Error(`chromium exited before listening: ${err.slice(-300)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const stop = async () => {
    await browser.close().catch(() => undefined);
    child.kill();
    await closed;
    rmSync(profile, { recursive: true, force: true });
    return out.join('');
  };
  return { browser, stop };
}

/**
 * Per round (between markers), the functions of `scripts` (the build's) V8 marked for each tier, in
 * order, each name once; the page's own helpers (Playwright's, the bench's) are left out.
 */
function promotionsByRound(stdout: string, scripts: string): Map<string, string[]>[] {
  const ours = new Map<string, boolean>();
  const isOurs = (name: string) => {
    if (!ours.has(name)) ours.set(name, new RegExp(`\\b${name.replace(/[$]/g, '\\$&')}\\s*[(=:]`).test(scripts));
    return ours.get(name) === true;
  };
  const rounds: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | undefined;
  const line = /marking 0x[0-9a-f]+ <JSFunction ([^ >]*)[^>]*> for optimization to (MAGLEV|TURBOFAN\w*)/g;
  for (const [, name = '', tier = ''] of stdout.matchAll(line)) {
    if (name.startsWith(MARK)) {
      current = new Map();
      rounds.push(current);
      continue;
    }
    if (!current) continue;
    // An anonymous function prints as `<JSFunction (sfi = ...)>`: the name caught is `(sfi`. Two
    // threads printing at once can tear a line ('writePemAsc[marking'): such a name is no name.
    if (name && !name.startsWith('(') && !/^[\w$]+$/.test(name)) continue;
    const shown = name && !name.startsWith('(') ? name : '(anonymous)';
    if (shown !== '(anonymous)' && !isOurs(shown)) continue;
    const key = tier.startsWith('TURBOFAN') ? 'TurboFan' : 'Maglev';
    const names = current.get(key) ?? [];
    if (!names.includes(shown)) names.push(shown);
    current.set(key, names);
  }
  return rounds;
}

export async function traceTiers(): Promise<void> {
  const executable = findChromium();
  if (!executable) return void console.log('trace: chromium not found; tiering not traced');
  const flags = await v8Defaults(executable, ['invocation-count-for-maglev', 'invocation-count-for-turbofan']);
  const thresholds = `Maglev after ${flags.get('invocation-count-for-maglev') ?? '?'}, TurboFan after ${flags.get('invocation-count-for-turbofan') ?? '?'}`;
  const { browser, stop } = await tracingChromium(executable);
  const walls: number[] = [];
  let stdout: string;
  try {
    const page = await workerPage(browser);
    if (!page) return void console.log('trace: no worker asset in the build; tiering not traced');
    for (let i = 0; i < WARM_UP_CALLS; i++) await clusterOnce(page, WARM_UP_NODES, -1 - i);
    await mark(page, 0);
    for (let round = 0; round < BATCH_ROUNDS; round++) {
      walls.push((await clusterOnce(page, ROUND_N, round)).elapsed);
      await mark(page, round + 1);
    }
  } finally {
    // V8's lines reach stdout when the renderer flushes it: all of them once Chromium has exited.
    stdout = await stop();
  }
  console.log(
    `trace: V8's tiering in the N=100 rounds of a fresh worker (after ${WARM_UP_CALLS} clusters of ${WARM_UP_NODES}; ` +
      `V8 here promotes a function once it has run the bytecode of about this many of its runs: ${thresholds}); functions marked, by round:`,
  );
  promotionsByRound(stdout, builtScriptsText())
    .slice(0, BATCH_ROUNDS)
    .forEach((tiers, i) => {
      const certificates = WARM_UP_CALLS * (WARM_UP_NODES + 2) + (i + 1) * (ROUND_N + 2);
      const text = [...tiers]
        .map(([tier, names]) => {
          const shown = names.slice(0, NAMES_SHOWN).join(', ');
          return `${names.length} to ${tier} (${shown}${names.length > NAMES_SHOWN ? ', ...' : ''})`;
        })
        .join('; ');
      console.log(
        `trace:   round ${i + 1} (${walls[i]?.toFixed(1)} ms under --trace-opt; ${certificates} certificates made by its end): ${text || 'none'}`,
      );
    });
}
