/**
 * The page's main-thread tasks by CPU time, from a Chromium performance trace: a figure the
 * machine's load does not stretch, beside the long-task API's wall times that it does (on two
 * cores shared by several runs, a 12 ms task is often 50-70 ms of wall time).
 */

/** Categories whose events the summary reads: tasks (toplevel) and what they contain. */
export const TASK_TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink', 'loading', 'v8.execute'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  args?: { name?: string };
}

export interface TracedTask {
  /** CPU time, ms. */
  cpu: number;
  /** Wall time, ms. */
  wall: number;
  /** The events inside that took the most CPU ("Layout 6.2 ms, Paint 4.1 ms"). */
  what: string;
}

const TASK = 'ThreadControllerImpl::RunTask';
/** Wrappers that say nothing about what a task did. */
const WRAPPERS =
  /RunTask|mojo|SimpleWatcher|MessagePort|AsyncTask|v8\.callFunction|TimerBase|Lifecycle|Blink\.|LocalFrameView/;

/**
 * The renderer main thread's tasks, longest CPU first. Navigation tasks (the old document's
 * teardown and the new one's commit, before any of the page's code) are left out.
 */
export function tasksByCpu(raw: Buffer): TracedTask[] {
  const parsed = JSON.parse(raw.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's renderer: the main thread with the most tasks (an about:blank renderer has few).
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key)) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const onMain = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const tasks: TracedTask[] = [];
  for (const task of onMain) {
    if (task.name !== TASK || task.dur === undefined) continue;
    const end = task.ts + task.dur;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    if (inside.some((e) => e.name === 'DocumentLoader::CommitNavigation')) continue;
    const byName = new Map<string, number>();
    for (const e of inside)
      if (!WRAPPERS.test(e.name)) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0));
    const what = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`)
      .join(', ');
    tasks.push({ cpu: (task.tdur ?? task.dur) / 1000, wall: task.dur / 1000, what });
  }
  return tasks.sort((a, b) => b.cpu - a.cpu);
}

/** The longest `count` tasks in one line: "12.1 ms (wall 30 ms: Layout 6.2 ms, ...); ...". */
export function longestTasksText(tasks: readonly TracedTask[], count = 3): string {
  return tasks
    .slice(0, count)
    .map((t) => `${t.cpu.toFixed(1)} ms (wall ${t.wall.toFixed(0)} ms: ${t.what || 'no detail'})`)
    .join('; ');
}
