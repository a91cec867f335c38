/**
 * Benchmark section "pkcs12": how long opening a PKCS#12 file with a 1,000,000-iteration MAC
 * takes certbench in Node (readInput: MAC key derivation, HMAC, bags), beside `openssl pkcs12`
 * checking the same file in the same run. Files are made by openssl: a SHA-256 MAC (OpenSSL 3's
 * default) and a SHA-1 MAC with 3DES/RC2-40 bags (OpenSSL 1.1's default, -legacy), both with
 * 1,000,000 iterations for the MAC and, in the legacy one, for the bags too. The same reader
 * also runs in Debian's Chromium (pkcs12-page-entry.ts, bundled by Vite, on a page served over a
 * routed https origin so WebCrypto exists). Prints figures; never fails on them. Best of a few
 * runs after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../test/chromium-path.mjs';
import { readInput } from '../pki/index.ts';

const RUNS = 3;
const ITERATIONS = 1_000_000;

const FILES = [
  { name: 'SHA-256 MAC, no encryption', args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-macalg', 'sha256'] },
  { name: 'SHA-1 MAC, no encryption', args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-macalg', 'sha1'] },
  { name: 'SHA-1 MAC, 3DES key, RC2-40 certificates (-legacy), all 1,000,000', args: ['-legacy'] },
];

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

/** Best wall time and best CPU time of this process (the CPU figure shrugs off a busy machine). */
async function best(run: () => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  await run();
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const used = process.cpuUsage(c);
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/** The page script: certbench's reader as one IIFE defining certbenchOpenPkcs12. */
async function pageScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'pkcs12-page-entry.ts'), formats: ['iife'], name: 'certbenchPkcs12' },
    },
  });
  const [first] = Array.isArray(result) ? result : [result];
  const chunk = first && 'output' in first ? first.output[0] : undefined;
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no bundle for the page');
  return chunk.code;
}

/** A Chromium page on a routed https origin with the reader loaded, or a reason it is not there. */
async function chromiumPage(): Promise<{ page: Page; close: () => Promise<void> } | string> {
  const executablePath = findChromium();
  if (!executablePath) return 'chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
  const code = await pageScript();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.route('https://bench.certbench.invalid/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto('https://bench.certbench.invalid/');
  await page.addScriptTag({ content: code });
  return { page, close: () => browser.close() };
}

/** Best time by the page's own clock of opening `bytes` in Chromium. */
async function inChromium(page: Page, bytes: Uint8Array): Promise<{ ms: number; errors: string[] }> {
  const base64 = Buffer.from(bytes).toString('base64');
  const open = () =>
    page.evaluate(
      ([b, p]) =>
        (
          globalThis as unknown as {
            certbenchOpenPkcs12: (b: string, p: string) => Promise<{ ms: number; errors: string[] }>;
          }
        ).certbenchOpenPkcs12(b, p),
      [base64, 'bench-pw'] as const,
    );
  let best = await open();
  for (let i = 0; i < RUNS; i++) {
    const run = await open();
    if (run.ms < best.ms) best = run;
  }
  return best;
}

export async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-p12-'));
  try {
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'k.pem',
        '-subj',
        '/CN=bench',
        '-days',
        '1',
        '-out',
        'c.pem',
      ],
      dir,
    );
    writeFileSync(join(dir, 'pw'), 'bench-pw');
    const browser = await chromiumPage().catch(
      (e: unknown) => `Chromium did not start (${e instanceof Error ? e.message : String(e)})`,
    );
    for (const [i, f] of FILES.entries()) {
      openssl(
        [
          'pkcs12',
          '-export',
          ...f.args,
          '-iter',
          String(ITERATIONS),
          '-in',
          'c.pem',
          '-inkey',
          'k.pem',
          '-passout',
          'file:pw',
          '-out',
          `${i}.p12`,
        ],
        dir,
      );
      const bytes = new Uint8Array(readFileSync(join(dir, `${i}.p12`)));
      let failure = '';
      const ours = await best(async () => {
        const items = await readInput({ bytes, name: 'f.p12' }, { password: 'bench-pw' });
        const errors = items.flatMap((item) => (item.kind === 'error' ? [item.message] : []));
        if (errors.length) failure = ` (not opened: ${errors.join(' ')})`;
      });
      const theirs = await best(() =>
        openssl(['pkcs12', '-legacy', '-in', `${i}.p12`, '-passin', 'file:pw', '-nodes', '-out', 'out.pem'], dir),
      );
      let page = typeof browser === 'string' ? `not measured: ${browser}` : '';
      if (typeof browser !== 'string') {
        const run = await inChromium(browser.page, bytes);
        page = `${run.ms.toFixed(0)} ms${run.errors.length ? ` (not opened: ${run.errors.join(' ')})` : ''}`;
      }
      console.log(
        `pkcs12 ${ITERATIONS.toLocaleString('en')}-iteration file, ${f.name}: certbench Node ${ours.wall.toFixed(0)} ms (${ours.cpu.toFixed(0)} ms CPU)${failure}, certbench Chromium ${page}, openssl pkcs12 ${theirs.wall.toFixed(0)} ms (its process included)`,
      );
    }
    if (typeof browser !== 'string') await browser.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
