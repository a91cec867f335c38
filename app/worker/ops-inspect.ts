/**
 * The Inspect view's worker operation: a thin adapter around the inspect report flow
 * (flows/inspect-report.ts), run off the page because reading, linting and diagnosing a CA bundle
 * takes long enough to freeze it.
 */
import { inspectReport, type InspectReport, type InspectRequest } from '../flows/inspect-report.ts';
import type { OpContext } from './protocol.ts';

function inspect(request: InspectRequest, ctx?: Pick<OpContext, 'signal'>): Promise<InspectReport> {
  return inspectReport(request, ctx ? { signal: ctx.signal } : {});
}

export const INSPECT_OPS = { inspect };
