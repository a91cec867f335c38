/**
 * The issuance figures of section "browser" (issue 14's batch goal): the Cluster operation through
 * the Chromium worker at N nodes, beside python `cryptography` issuing the same nodes in the same
 * run, and beside the floor any issuer on WebCrypto has in this page for the same work: the CA's
 * key and self-signature (calls one after another: each needs the one before), then every other
 * certificate at the raw WebCrypto rate with BATCH_IN_FLIGHT in flight. The floor says how much
 * of a gap at small N is fixed cost that must be paid (python's figure leaves out making its CA).
 * It is one thread's floor: Chromium does WebCrypto's work on the calling thread, and certbench
 * shares a batch with leaf helper workers on the other cores (pki/leaf-helpers.ts), so with more
 * than one core it can go below it.
 */
import type { Page } from 'playwright-core';
import { BATCH_IN_FLIGHT } from '../pki/index.ts';
import { helperCount } from '../worker/leaf-helper-pool.ts';
import { anchorLine, best, nodeList, nodeListFile, perCert, pythonInMemory, type PerCert } from './issue-anchor.ts';

/** What installBenchCall (bench-call.ts) and watchLongTasks (browser.ts) put on the page's global object. */
type IssueGlobals = {
  benchCall: (op: string, args: unknown) => Promise<unknown>;
  benchLongTasks: number[];
};

const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 0)} ms`;

/** Rounds per side for the batch figures; the best is printed (the machine may be shared). */
export const BATCH_ROUNDS = 5;

/**
 * Cluster calls of WARM_UP_NODES nodes before the rounds. The python anchor issues 20
 * certificates before it starts its clock (issue_python.py); V8 compiles the worker's issuing code
 * for speed only after a few calls, so without these the N=100 rounds measure mostly compilation.
 */
export const WARM_UP_CALLS = 3;
export const WARM_UP_NODES = 20;

/** Runs of the CA floor; the best is kept. */
const CA_FLOOR_RUNS = 5;
/**
 * Roots made one after another per run of the CA floor, the run's time divided among them: a page
 * that is not cross-origin isolated reads performance.now() in 0.1 ms steps, about what one root's
 * calls take, so a single root timed alone read 0.000 ms.
 */
const CA_FLOOR_ROOTS = 20;

/**
 * Raw WebCrypto per certificate, `inFlight` at a time: a P-256 key pair, a PKCS#8 export and one
 * ECDSA signature over a TBS-sized buffer (the three calls the fast path makes per certificate).
 */
async function lowerBound(page: Page, n: number, inFlight: number): Promise<number> {
  return page.evaluate(
    async ({ count, lanes }) => {
      const tbs = crypto.getRandomValues(new Uint8Array(600));
      const t0 = performance.now();
      let next = 0;
      const lane = async () => {
        while (next++ < count) {
          const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
            'sign',
            'verify',
          ]);
          await crypto.subtle.exportKey('pkcs8', pair.privateKey);
          await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, tbs);
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return (performance.now() - t0) / count;
    },
    { count: n, lanes: inFlight },
  );
}

/**
 * The least a new P-256 root costs in raw WebCrypto, best of CA_FLOOR_RUNS: the calls the root's
 * fast path makes (app/pki/ca-template.ts), each waiting for the one before: a key pair, its PKCS#8
 * (the SPKI is read from it and the SKI hashed in JavaScript, no call) and the self-signature over
 * a CA-sized TBS.
 */
async function caFloor(page: Page): Promise<number> {
  return page.evaluate(
    async ({ runs, roots }) => {
      const tbs = crypto.getRandomValues(new Uint8Array(350));
      let bestMs = Infinity;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        for (let r = 0; r < roots; r++) {
          const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
            'sign',
            'verify',
          ]);
          await crypto.subtle.exportKey('pkcs8', pair.privateKey);
          await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, tbs);
        }
        bestMs = Math.min(bestMs, (performance.now() - t0) / roots);
      }
      return bestMs;
    },
    { runs: CA_FLOOR_RUNS, roots: CA_FLOOR_ROOTS },
  );
}

/**
 * Clusters made in a worker that has already made every cluster of the figures above, before
 * BATCH_ROUNDS more are timed: V8 has compiled the issuing code for speed by then.
 */
export const WARM_CALLS = 15;

/** Marks around the call in the page's user timing, for a trace to find the call by (trace-rounds.ts). */
export const CALL_MARKS = { start: 'certbench-cluster-start', end: 'certbench-cluster-end' };

/** The Cluster operation's arguments for round `round` of `n` nodes: one client, P-256, the generic target. */
export function clusterArgs(n: number, round: number) {
  return {
    cluster: `bench-${n}-${round}`,
    nodes: nodeList(n),
    clients: ['app'],
    target: 'generic',
    keyAlgorithm: 'p256',
    caDays: 3650,
    leafDays: 365,
  };
}

/**
 * One setUpCluster call in the page: elapsed ms and the longest main-thread task meanwhile. With
 * `marked`, the call is between CALL_MARKS in the page's user timing.
 */
export async function clusterOnce(
  page: Page,
  n: number,
  round: number,
  marked = false,
): Promise<{ elapsed: number; longest: number }> {
  const args = clusterArgs(n, round);
  const out = await page.evaluate(
    async ({ a, marks }) => {
      const g = globalThis as unknown as IssueGlobals;
      g.benchLongTasks.length = 0;
      if (marks) performance.mark(marks.start);
      const t0 = performance.now();
      try {
        await g.benchCall('setUpCluster', a);
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
      const elapsed = performance.now() - t0;
      if (marks) performance.mark(marks.end);
      // Long tasks are delivered after the task ends: give the observer a frame.
      await new Promise((r) => setTimeout(r, 50));
      return { elapsed, longest: Math.max(0, ...g.benchLongTasks) };
    },
    { a: args, marks: marked ? CALL_MARKS : undefined },
  );
  if ('error' in out) throw new Error(`setUpCluster of ${n} nodes failed: ${out.error}`);
  return out;
}

/**
 * The Cluster operation through the worker (a new CA, n node certificates, one client and the
 * workspace facts; the page renders the snippets itself), per certificate made (n + 2), beside
 * python issuing the n node certificates in memory (best of BATCH_ROUNDS interleaved rounds
 * each), and beside the WebCrypto floor of the same n + 2 certificates.
 */
export async function issueFigure(page: Page, n: number): Promise<{ ours: PerCert; python: PerCert }> {
  const nodesFile = nodeListFile(n);
  const ours: PerCert[] = [];
  const python: PerCert[] = [];
  let longest = 0;
  for (let i = 0; i < WARM_UP_CALLS; i++) await clusterOnce(page, WARM_UP_NODES, -1 - i);
  for (let round = 0; round < BATCH_ROUNDS; round++) {
    python.push(perCert(pythonInMemory(nodesFile)));
    const run = await clusterOnce(page, n, round);
    ours.push({ wall: run.elapsed / (n + 2) });
    longest = Math.max(longest, run.longest);
  }
  const oursBest = best(ours);
  const pythonBest = best(python);
  console.log(
    anchorLine(
      `browser: Chromium worker, cluster of ${n} nodes (CA + nodes + client; best of ${BATCH_ROUNDS} after ${WARM_UP_CALLS} warm-up clusters of ${WARM_UP_NODES})`,
      oursBest,
      pythonBest,
    ),
  );
  const count = Math.min(n, 500);
  const one = await lowerBound(page, count, 1);
  const many = await lowerBound(page, count, BATCH_IN_FLIGHT);
  console.log(
    `browser: for scale, raw WebCrypto in the page (generate, export PKCS#8, sign): ${ms(one)}/cert one at a time, ${ms(many)}/cert ${BATCH_IN_FLIGHT} in flight`,
  );
  const ca = await caFloor(page);
  const floor = (ca + many * (n + 1)) / (n + 2);
  const helpers = helperCount(await page.evaluate(() => navigator.hardwareConcurrency));
  const verdict =
    floor > pythonBest.wall
      ? 'above python: parity is out of reach on WebCrypto at this size in this run'
      : 'below python';
  console.log(
    `browser: WebCrypto floor on one thread of the same ${n + 2} certificates (the CA's key and self-signature one call after another, ${ms(ca)}, then ${n + 1} at the ${BATCH_IN_FLIGHT}-in-flight rate): ` +
      `${ms(floor)}/cert, ${(floor / pythonBest.wall).toFixed(2)}x python (${verdict}); certbench is ${(oursBest.wall / floor).toFixed(2)}x the floor, ` +
      `on ${helpers + 1} thread(s) here (the worker and ${helpers} leaf helper worker(s): pki/leaf-helpers.ts)`,
  );
  console.log(
    `browser: longest main-thread task during the ${n} batches: ${longest ? ms(longest) : 'none over 50 ms'} (aim < 50 ms)`,
  );
  return { ours: oursBest, python: pythonBest };
}

/**
 * For scale beside a goal line, not a goal: the cluster of `n` in the same worker once it is warm
 * (WARM_CALLS more clusters after every figure above, then the best of BATCH_ROUNDS), beside the
 * python figure of that goal line. The gap between this and the goal line is what a fresh worker
 * pays while V8 compiles the issuing code (`npm run bench -- trace` shows it round by round).
 */
export async function warmWorkerFigure(page: Page, n: number, python: PerCert): Promise<void> {
  for (let i = 0; i < WARM_CALLS; i++) await clusterOnce(page, n, 100 + i);
  const ours: PerCert[] = [];
  for (let round = 0; round < BATCH_ROUNDS; round++)
    ours.push({ wall: (await clusterOnce(page, n, 200 + round)).elapsed / (n + 2) });
  console.log(
    anchorLine(
      `browser: for scale, not a goal line: the cluster of ${n} nodes in the same worker once warm (best of ${BATCH_ROUNDS} after ${WARM_CALLS} more clusters of ${n}, every figure above made first; python as in its goal line)`,
      best(ours),
      python,
      false,
    ),
  );
}
