/**
 * Benchmark section "size": the production build's JavaScript where issue 14 budgets it, from
 * the chunk graph of a fresh build (app/build/bundle-size.ts; the size-budget test holds the same
 * figures to the budgets). Also what each worker family loads on its first call, for the record.
 */
import {
  buildGraph,
  familyLoad,
  FIRST_VIEW_BUDGET,
  firstViewTotal,
  HELPER_BUDGET,
  helperInitial,
  WORKER_BUDGET,
  workerInitial,
} from '../build/bundle-size.ts';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Worker families by their registry module, named as the views that call them. */
const FAMILIES: Record<string, string> = {
  'app/worker/ops-key-algorithms.ts': 'key types (every issuing view on open)',
  'app/worker/ops-pki.ts': 'issuing (Cluster, Authorities, Issue, Sign CSR)',
  'app/worker/ops-inspect.ts': 'Inspect',
  'app/worker/ops-export.ts': 'Export',
  'app/worker/ops-lifecycle.ts': 'renew, revoke, CRL, rotate',
  'app/worker/ops-workspace.ts': 'workspace file',
};

export async function bench(): Promise<void> {
  const graph = await buildGraph();
  const worker = workerInitial(graph);
  const first = firstViewTotal(graph);
  console.log(
    `size: worker's first script ${kib(worker.gzip)} gzipped (${kib(worker.bytes)} raw), budget ${kib(WORKER_BUDGET)}: ${worker.gzip <= WORKER_BUDGET ? 'within' : 'OVER'}`,
  );
  console.log(
    `size: first view before the first click ${kib(first.gzip)} gzipped (page ${kib(first.page.gzip)} + worker ${kib(first.worker.gzip)} + key types ${kib(first.families.gzip)}), budget ${kib(FIRST_VIEW_BUDGET)}: ${first.gzip <= FIRST_VIEW_BUDGET ? 'within' : 'OVER'}`,
  );
  for (const [module, what] of Object.entries(FAMILIES)) {
    const load = familyLoad(graph, module);
    console.log(`size: first call of ${what}: +${kib(load.gzip)} gzipped in ${load.files.length} chunk(s)`);
  }
  const helper = helperInitial(graph);
  console.log(
    `size: leaf helper worker's first script (started for a cluster, its renewal or the Inspect view, one per further core; Inspect's signature checks load apart) ${kib(helper.gzip)} gzipped (${kib(helper.bytes)} raw), our bound ${kib(HELPER_BUDGET)}: ${helper.gzip <= HELPER_BUDGET ? 'within' : 'OVER'}`,
  );
}
