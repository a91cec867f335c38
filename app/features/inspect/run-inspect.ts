/** The one place the Inspect view reaches the worker: a request in, a report out. */
import { INSPECT_OPS, type InspectReport, type InspectRequest } from '../../worker/ops-inspect.ts';

export function runInspect(request: InspectRequest): Promise<InspectReport> {
  return INSPECT_OPS.inspect(request);
}
