/**
 * The Inspect view's worker operations: thin adapters around the inspect report flow
 * (flows/inspect-report.ts), run off the page because reading, linting and diagnosing a CA bundle
 * takes long enough to freeze it, and around the tree of one certificate made when the page opens
 * it (flows/certificate-tree.ts).
 */
import { certificateTree, type CertificateTreeRequest } from '../flows/certificate-tree.ts';
import { inspectReport, type InspectReport, type InspectRequest, type ReportNode } from '../flows/inspect-report.ts';
import type { OpContext } from './protocol.ts';

function inspect(request: InspectRequest, ctx?: Pick<OpContext, 'signal'>): Promise<InspectReport> {
  return inspectReport(request, ctx ? { signal: ctx.signal } : {});
}

function inspectTree(request: CertificateTreeRequest): Promise<ReportNode> {
  return certificateTree(request);
}

export const INSPECT_OPS = { inspect, inspectTree };
