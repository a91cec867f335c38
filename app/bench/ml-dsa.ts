/**
 * Benchmark section "mldsa": ML-DSA-65 issuance per certificate, WebCrypto beside the library.
 * Node 20 has no WebCrypto ML-DSA, so Node gives the library's figure, and Debian's Chromium
 * (156, with ML-DSA in WebCrypto) runs the same code with each engine: the core is bundled with
 * esbuild into a page served from 127.0.0.1 (a secure context). Prints figures, never fails on them.
 */
import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/chromium-path.mjs';
import { type MlDsaEngine, withMlDsa } from '../pki/runtime/index.ts';
import { mlDsaIssuanceMs } from './ml-dsa-issue.ts';

/** Leaves per round; the figure is the best of three rounds (ml-dsa-issue.ts). */
const N = 10;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function pageScript(): Promise<string> {
  const out = await build({
    entryPoints: ['app/bench/ml-dsa-page.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

function serve(script: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module" src="/bench.js"></script>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function inChromium(): Promise<Record<MlDsaEngine, number | string>> {
  const executablePath = findChromium();
  if (!executablePath) return { webcrypto: 'no chromium (apt-get install chromium)', library: 'no chromium' };
  const server = await serve(await pageScript());
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const address = server.address();
    await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
    await page.waitForFunction(() => 'mlDsaBench' in globalThis);
    const run = (engine: MlDsaEngine) =>
      page
        .evaluate(
          ([e, n]) =>
            (globalThis as unknown as { mlDsaBench: (e: string, n: number) => Promise<number> }).mlDsaBench(e, n),
          [engine, N] as const,
        )
        .catch((e: unknown) => String(e));
    return { webcrypto: await run('webcrypto'), library: await run('library') };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function bench(): Promise<void> {
  const node = await mlDsaIssuanceMs(withMlDsa(globalThis.crypto, 'library'), N);
  const browser = await inChromium();
  const show = (v: number | string) => (typeof v === 'number' ? ms(v) : v);
  console.log(
    `ML-DSA-65 issuance per certificate (fresh key + signature + PEM, general path; best of 3 rounds of ${N}):`,
  );
  console.log(`  engine      Chromium          Node ${process.versions.node}`);
  console.log(`  WebCrypto   ${show(browser.webcrypto).padEnd(17)} (none in Node's WebCrypto)`);
  console.log(`  library     ${show(browser.library).padEnd(17)} ${ms(node)}`);
}
