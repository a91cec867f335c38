/**
 * Issue 14's size budgets, held on a fresh production build: the worker's first script at most
 * 80 KiB gzipped, and the page plus the worker code the first view loads before the first click
 * at most 150 KiB. The build is made here (deterministic: same sources, same bytes), not read
 * from a dist/ another run may have left.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildGraph,
  familyLoad,
  FIRST_VIEW_BUDGET,
  firstViewTotal,
  HELPER_BUDGET,
  helperInitial,
  WORKER_BUDGET,
  workerInitial,
  type BundleGraph,
} from './bundle-size.ts';

let graph: BundleGraph;
beforeAll(async () => {
  graph = await buildGraph();
}, 120_000);

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe('bundle size budgets (issue 14)', () => {
  it('the worker entry loads no operation, no ASN.1 and no X.509 code', () => {
    const modules = workerInitial(graph).files.flatMap((f) => graph.worker.get(f)?.modules ?? []);
    expect(modules).toContain('app/worker/serve.ts');
    for (const heavy of ['@peculiar/x509', 'asn1js', 'reflect-metadata', '@noble/', 'app/worker/ops-pki.ts'])
      expect(
        modules.filter((m) => m.includes(heavy)),
        heavy,
      ).toEqual([]);
  });

  it(`the worker's first script is at most ${kib(WORKER_BUDGET)} gzipped`, () => {
    const load = workerInitial(graph);
    expect(load.gzip, `${load.files.join(', ')}: ${kib(load.gzip)}`).toBeLessThanOrEqual(WORKER_BUDGET);
  });

  it(`the first view's JavaScript (page + worker) is at most ${kib(FIRST_VIEW_BUDGET)} gzipped`, () => {
    const t = firstViewTotal(graph);
    const detail = `page ${kib(t.page.gzip)}, worker ${kib(t.worker.gzip)}, key types ${kib(t.families.gzip)}`;
    expect(t.gzip, detail).toBeLessThanOrEqual(FIRST_VIEW_BUDGET);
  });

  it("the key type probe (the first view's worker call) loads no X.509 library", () => {
    const load = familyLoad(graph, 'app/worker/ops-key-algorithms.ts');
    const modules = load.files.flatMap((f) => graph.worker.get(f)?.modules ?? []);
    expect(modules).toContain('app/pki/key-support.ts');
    expect(modules.filter((m) => m.includes('@peculiar/') || m.includes('asn1js'))).toEqual([]);
  });

  it(`the leaf helper worker is at most ${kib(HELPER_BUDGET)} gzipped, with no X.509, ASN.1 schema or ML-DSA code`, () => {
    const load = helperInitial(graph);
    const modules = load.files.flatMap((f) => graph.worker.get(f)?.modules ?? []);
    expect(modules).toContain('app/pki/leaf-maker.ts');
    for (const heavy of ['@peculiar/', 'asn1js', 'reflect-metadata', '@noble/', 'app/pki/keys.ts', 'app/pki/ml-dsa/'])
      expect(
        modules.filter((m) => m.includes(heavy)),
        heavy,
      ).toEqual([]);
    expect(load.gzip, `${load.files.join(', ')}: ${kib(load.gzip)}`).toBeLessThanOrEqual(HELPER_BUDGET);
  });

  it('the X.509 library loads after the Reflect polyfill (its own chunk, imported first by ops.ts)', () => {
    const reflect = [...graph.worker.values()].filter((c) => c.modules.some((m) => m.includes('reflect-metadata')));
    expect(reflect.length).toBe(1);
    expect(reflect[0]!.modules.every((m) => m.includes('reflect-metadata'))).toBe(true);
  });
});
