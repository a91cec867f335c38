/**
 * Reading a Chromium performance trace by thread: what V8's compilers and garbage collector took
 * on a thread in a window, and what Chromium's thread pool was busy with. Shared by the sections
 * of `npm run bench -- trace` (trace.ts, trace-rounds.ts).
 *
 * Trace events nest (a scavenge inside a function call, a Maglev graph build inside its task), so
 * a class of work is summed over its outermost events only: an event that starts inside another
 * event of the same class on the same thread is part of that one.
 *
 * What is summed is CPU time (the event's thread duration, tdur), not wall time: on two cores
 * every thread here waits for a core now and then, and a concurrent compile that waited 10 ms
 * for one would read as 10 ms of compiling. (Runs of 6 December: Maglev and TurboFan tasks in a
 * fresh worker's N=100 rounds lasted 99.6 ms by the wall and 56.6 ms by CPU.) Where a trace
 * lacks thread durations, the wall duration is taken.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  /** The thread's own clock over the event: its CPU time, without the time it waited for a core. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** The trace categories that carry V8's compile and GC events besides the toplevel tasks. */
export const V8_WORK_CATEGORIES = ['toplevel', 'v8', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.gc'];

/** V8's compilers at work: lazy compiles, Sparkplug, Maglev, TurboFan, and the tiering decisions. */
const COMPILE = /Compil|Optimi|Maglev|Turbofan|Baseline|Parse|MarkCandidates/;
/** V8's garbage collector: scavenges, mark-compact and their background helpers. */
const GC = /GC|Scaveng/;
/** A task of Chromium's thread pool as a whole (what runs inside it is counted by class). */
const POOL_TASK = 'ThreadPool_RunTask';

export type ThreadNames = Map<string, string>;

export function threadNames(events: readonly TraceEvent[]): ThreadNames {
  const names: ThreadNames = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  return names;
}

export interface Window {
  /** Trace microseconds. */
  from: number;
  to: number;
}

/** CPU microseconds, each over its outermost events. */
export interface ThreadWork {
  /** V8 compile work. */
  compile: number;
  /** V8 garbage collection. */
  gc: number;
  /** Pool tasks in all (for pool threads; 0 elsewhere). */
  tasks: number;
}

/**
 * Compile, GC and (for the thread pool) all task CPU time on the threads whose name matches
 * `thread`, for the complete events that start inside `window`.
 */
export function threadWork(
  events: readonly TraceEvent[],
  names: ThreadNames,
  thread: RegExp,
  window: Window,
): ThreadWork {
  const work: ThreadWork = { compile: 0, gc: 0, tasks: 0 };
  // The end of the outermost event of each class seen so far, per thread.
  const openUntil = new Map<string, number>();
  const inWindow = events
    .filter((e) => e.ph === 'X' && e.ts !== undefined && e.ts >= window.from && e.ts <= window.to)
    .filter((e) => thread.test(names.get(`${e.pid}:${e.tid}`) ?? ''))
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  for (const e of inWindow) {
    const ts = e.ts ?? 0;
    const dur = e.dur ?? 0;
    const cpu = e.tdur ?? dur;
    if (e.name === POOL_TASK) {
      work.tasks += cpu;
      continue;
    }
    const kind = COMPILE.test(e.name) ? 'compile' : GC.test(e.name) ? 'gc' : undefined;
    if (!kind) continue;
    const key = `${e.pid}:${e.tid}:${kind}`;
    if (ts < (openUntil.get(key) ?? -Infinity)) continue;
    openUntil.set(key, ts + dur);
    work[kind] += cpu;
  }
  return work;
}

/**
 * The dedicated workers' threads (the pki worker and its leaf helpers: Chromium names them alike)
 * and the thread pool, as Chromium names them.
 */
export const WORKER_THREAD = /DedicatedWorker/;
export const POOL_THREADS = /^ThreadPoolForegroundWorker/;
