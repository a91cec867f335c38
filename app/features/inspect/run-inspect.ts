/** The one place the Inspect view reaches the worker: a request in, a report out. */
import { callWorker } from '../../worker/client.ts';
import type { InspectReport, InspectRequest } from '../../flows/inspect-report.ts';

/** Abort `signal` to stop the worker's reading (the promise then rejects as cancelled). */
export function runInspect(request: InspectRequest, signal?: AbortSignal): Promise<InspectReport> {
  return callWorker('inspect', request, signal ? { signal } : {});
}
