/**
 * The Inspect view's state: the files given so far, the last report and what went wrong. Each
 * run sends every input again (with the current password, host and role) so the relations
 * and the diagnosis always cover everything on screen. A newer run makes older answers stale.
 */
import { startTransition, useCallback, useRef, useState } from 'react';
import type { InspectInput, InspectReport, InspectRequest } from '../../flows/inspect-report.ts';
import { pastedInput, readFiles, type Rejected } from './read-inputs.ts';
import { runInspect } from './run-inspect.ts';
import { TABLE_FROM } from './cert-rows.ts';

export interface InspectOptions {
  pasted: string;
  password: string;
  host: string;
  role: '' | 'server' | 'client';
}

export interface InspectState {
  files: InspectInput[];
  rejected: Rejected[];
  report?: InspectReport;
  busy: boolean;
  /** A failure of the whole run (the worker crashed, the reader threw): shown as an alert. */
  failure?: string;
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string' && e.message) return e.message;
  return 'Reading failed for a reason certbench did not foresee. The inputs are still here; try them one at a time.';
}

export function useInspect() {
  const [state, setState] = useState<InspectState>({ files: [], rejected: [], busy: false });
  const files = useRef<InspectInput[]>([]);
  const generation = useRef(0);
  // The run in flight, so a newer run or Clear stops the worker instead of letting it finish for nothing.
  const running = useRef<AbortController | undefined>(undefined);
  // The paste and password of the last run, so a debounced run that would repeat it is skipped.
  const lastRun = useRef<Pick<InspectOptions, 'pasted' | 'password'>>({ pasted: '', password: '' });

  const run = useCallback(async (options: InspectOptions) => {
    lastRun.current = { pasted: options.pasted, password: options.password };
    const inputs = [...files.current, ...pastedInput(options.pasted)];
    const mine = ++generation.current;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    if (inputs.length === 0) {
      setState((s) => ({ ...s, report: undefined, busy: false, failure: undefined }));
      return;
    }
    // As many certificates as make a table come without their trees: a row's tree is made when it is opened.
    const request: InspectRequest = { inputs, treesOnRequestFrom: TABLE_FROM };
    if (options.password) request.password = options.password;
    if (options.host.trim()) request.host = options.host.trim();
    if (options.role) request.role = options.role;
    setState((s) => ({ ...s, busy: true, failure: undefined }));
    try {
      const report = await runInspect(request, controller.signal);
      // A transition: React draws a large report in slices instead of one long task.
      if (mine === generation.current) startTransition(() => setState((s) => ({ ...s, report, busy: false })));
    } catch (e) {
      if (mine === generation.current) setState((s) => ({ ...s, busy: false, failure: messageOf(e) }));
    }
  }, []);

  /** Run again only when the paste or the password differ from the last run (for runs nobody clicked for). */
  const runIfChanged = useCallback(
    (options: InspectOptions) => {
      if (options.pasted === lastRun.current.pasted && options.password === lastRun.current.password) return;
      void run(options);
    },
    [run],
  );

  /**
   * Add files (from the input or a drop) and inspect everything again, with the form's options
   * as they are once the files have been read (`currentOptions` is asked then).
   */
  const addFiles = useCallback(
    async (list: readonly File[], currentOptions: () => InspectOptions) => {
      // "Reading…" from the moment they are chosen: the bytes come off the disk before the run starts.
      setState((s) => ({ ...s, busy: true }));
      const { inputs, rejected } = await readFiles(list);
      files.current = [...files.current, ...inputs];
      setState((s) => ({ ...s, files: files.current, rejected: [...s.rejected, ...rejected] }));
      await run(currentOptions());
    },
    [run],
  );

  /** Forget every input and the report (the workspace is untouched). */
  const clear = useCallback(() => {
    files.current = [];
    generation.current++;
    running.current?.abort();
    lastRun.current = { pasted: '', password: '' };
    setState({ files: [], rejected: [], busy: false });
  }, []);

  return { state, run, runIfChanged, addFiles, clear };
}
