/**
 * The Inspect view's worker operations: thin adapters around the inspect report flow
 * (flows/inspect-report.ts), run off the page because reading, linting and diagnosing a CA bundle
 * takes long enough to freeze it, and around the tree of one certificate made when the page opens
 * it (flows/certificate-tree.ts).
 */
import { certificateTree, type CertificateTreeRequest } from '../flows/certificate-tree.ts';
import { inspectReport, type InspectReport, type InspectRequest, type ReportNode } from '../flows/inspect-report.ts';
import { appLeafHelpers, batchingOp } from './leaf-helper-pool.ts';
import type { OpContext } from './protocol.ts';

/**
 * Shares the relations' signature checks with the pki worker's helpers (a CA bundle's are most of
 * the report's time, and run on this worker's own thread). Warming it (the Inspect view does on
 * mount) starts them, so they are ready by the first file.
 */
const inspect = batchingOp((request: InspectRequest, ctx?: Pick<OpContext, 'signal'>): Promise<InspectReport> =>
  inspectReport(request, { ...(ctx ? { signal: ctx.signal } : {}), helpers: () => appLeafHelpers().ready() }),
);

function inspectTree(request: CertificateTreeRequest): Promise<ReportNode> {
  return certificateTree(request);
}

export const INSPECT_OPS = { inspect, inspectTree };
