/**
 * For scale beside the N=100 goal line of section "browser" (browser-issue.ts issueFigure): the
 * WebCrypto floor in fresh workers, with that figure's own steps. The floor line printed under the
 * goal line is measured in a page that has run WebCrypto for a while; a fresh worker pays more
 * for the same calls in its first rounds (memory its heaps have not touched yet, code not yet
 * optimised, on this Firecracker VM a fresh page of memory costs ~16 µs), so that floor understates
 * what any issuer on WebCrypto pays where the goal line is measured. Here: as many fresh workers
 * as certbench has threads for a cluster (the pki worker and its leaf helpers), each making only
 * the three calls per certificate (generate, export PKCS#8, sign a TBS-sized buffer, BATCH_IN_FLIGHT
 * at a time), WARM_UP_CALLS warm-up rounds, then BATCH_ROUNDS rounds of n + 2 split between them,
 * python between rounds as in the goal line; the best round is printed beside python's best of
 * the same rounds and beside certbench's goal-line figure.
 */
import type { Browser } from 'playwright-core';
import { BATCH_IN_FLIGHT } from '../pki/index.ts';
import { best, nodeListFile, perCert, pythonInMemory, type PerCert } from './issue-anchor.ts';
import { BATCH_ROUNDS, WARM_UP_CALLS, WARM_UP_NODES } from './browser-issue.ts';

/** The bytes each certificate's signature covers: about a P-256 leaf's TBS with three SANs. */
const TBS_BYTES = 450;

/** A worker answering each count it is sent with the milliseconds it took to make that many. */
const WORKER_SOURCE = `
const tbs = new Uint8Array(${TBS_BYTES});
onmessage = async (e) => {
  const count = e.data.count;
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next++ < count) {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      await crypto.subtle.exportKey('pkcs8', pair.privateKey);
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, tbs);
    }
  };
  await Promise.all(Array.from({ length: e.data.inFlight }, lane));
  postMessage(performance.now() - t0);
};`;

/** What the page gets: `benchFloorRound(count)` resolves with the round's milliseconds, split among the workers. */
type FloorGlobals = { benchFloorRound: (count: number) => Promise<number> };

/**
 * `documentUrl`: a same-origin document without the app (its CSP and its own workers stay out of
 * the figure). `threads`: certbench's threads for a cluster on this machine. `goal`: certbench's
 * figure of the goal line, with python's.
 */
export async function freshFloorFigure(
  browser: Browser,
  documentUrl: string,
  n: number,
  threads: number,
  goal: { ours: PerCert; python: PerCert },
): Promise<void> {
  const page = await browser.newPage();
  try {
    // tsx names the functions it compiles with a helper the page does not have (as workerPage does).
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(documentUrl);
    await page.evaluate(
      ({ source, threads, inFlight }) => {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const workers = Array.from({ length: threads }, () => new Worker(url));
        const one = (w: Worker, count: number) =>
          new Promise<void>((resolve) => {
            w.onmessage = () => resolve();
            w.postMessage({ count, inFlight });
          });
        (globalThis as unknown as FloorGlobals).benchFloorRound = async (count) => {
          const t0 = performance.now();
          const each = Math.ceil(count / workers.length);
          await Promise.all(workers.map((w, i) => one(w, Math.max(0, Math.min(each, count - i * each)))));
          return performance.now() - t0;
        };
      },
      { source: WORKER_SOURCE, threads, inFlight: BATCH_IN_FLIGHT },
    );
    const round = (count: number) =>
      page.evaluate((c) => (globalThis as unknown as FloorGlobals).benchFloorRound(c), count);
    for (let i = 0; i < WARM_UP_CALLS; i++) await round(WARM_UP_NODES + 2);
    const nodesFile = nodeListFile(n);
    const floor: PerCert[] = [];
    const python: PerCert[] = [];
    for (let r = 0; r < BATCH_ROUNDS; r++) {
      python.push(perCert(pythonInMemory(nodesFile)));
      floor.push({ wall: (await round(n + 2)) / (n + 2) });
    }
    const floorBest = best(floor).wall;
    const pythonBest = best(python).wall;
    console.log(
      `browser: for scale, the WebCrypto floor in fresh workers with the cluster of ${n}'s steps (generate, export PKCS#8, sign; ${BATCH_IN_FLIGHT} in flight on each of ${threads} fresh worker(s), as many as certbench's threads here; ` +
        `${WARM_UP_CALLS} warm-up rounds of ${WARM_UP_NODES + 2}, best of ${BATCH_ROUNDS} rounds of ${n + 2}, python between): ` +
        `${floorBest.toFixed(3)} ms/cert (rounds ${floor.map((f) => f.wall.toFixed(3)).join(' ')}), ${(floorBest / pythonBest).toFixed(2)}x python's ${pythonBest.toFixed(3)} in these rounds; ` +
        `certbench's goal line (${goal.ours.wall.toFixed(3)}, ${(goal.ours.wall / goal.python.wall).toFixed(2)}x python) is ${(goal.ours.wall / floorBest).toFixed(2)}x this floor`,
    );
  } catch (e) {
    // A figure for scale: its failure is printed, the section goes on.
    console.log(
      `browser: the WebCrypto floor in fresh workers: failed (${e instanceof Error ? e.message : String(e)})`,
    );
  } finally {
    await page.close();
  }
}
