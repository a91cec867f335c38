/** The one place the Inspect view reaches the worker: a request in, a report out. */
import { callWorker } from '../../worker/client.ts';
import type { InspectReport, InspectRequest } from '../../worker/ops-inspect.ts';

export function runInspect(request: InspectRequest): Promise<InspectReport> {
  return callWorker('inspect', request);
}
