import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSchedstat, readChromiumThreads, roundThreads, threadSpans } from './thread-schedstat.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A /proc of `processes`: each its argv and its threads' names and schedstat text. */
function fakeProc(
  processes: Record<string, { argv: string[]; title?: boolean; threads: Record<string, [string, string]> }>,
): string {
  const root = mkdtempSync(join(tmpdir(), 'certbench-proc-'));
  roots.push(root);
  for (const [pid, p] of Object.entries(processes)) {
    mkdirSync(join(root, pid, 'task'), { recursive: true });
    // A process that set its title (Chromium's children do) has one string of spaces for a cmdline.
    writeFileSync(join(root, pid, 'cmdline'), p.title ? p.argv.join(' ') : `${p.argv.join('\0')}\0`);
    for (const [tid, [comm, schedstat]] of Object.entries(p.threads)) {
      mkdirSync(join(root, pid, 'task', tid));
      writeFileSync(join(root, pid, 'task', tid, 'comm'), `${comm}\n`);
      writeFileSync(join(root, pid, 'task', tid, 'schedstat'), `${schedstat}\n`);
    }
  }
  return root;
}

describe('parseSchedstat', () => {
  it('reads the time on a core and the time on a run queue', () => {
    expect(parseSchedstat('3210351 61396 3\n')).toEqual({ runNs: 3210351, waitNs: 61396 });
  });
  it('refuses what is not two numbers', () => {
    expect(parseSchedstat('')).toBeUndefined();
    expect(parseSchedstat('12')).toBeUndefined();
    expect(parseSchedstat('a b c')).toBeUndefined();
  });
});

describe('readChromiumThreads', () => {
  it("reads every Chromium process's threads with the process type, and nothing else", () => {
    const proc = fakeProc({
      '10': { argv: ['/usr/lib/chromium/chromium', '--headless'], threads: { '10': ['chromium', '5 6 1'] } },
      '20': {
        argv: ['/usr/lib/chromium/chromium', '--type=renderer', '--lang=en'],
        title: true,
        threads: { '20': ['chromium', '7 8 1'], '21': ['DedicatedWorker', '9 10 2'] },
      },
      '30': { argv: ['/usr/bin/python3', 'x.py'], threads: { '30': ['python3', '1 1 1'] } },
    });
    const threads = readChromiumThreads(proc);
    expect([...threads.keys()].sort()).toEqual(['10/10', '20/20', '20/21']);
    expect(threads.get('10/10')).toEqual({ process: 'browser', name: 'chromium', runNs: 5, waitNs: 6 });
    expect(threads.get('20/21')).toEqual({ process: 'renderer', name: 'DedicatedWorker', runNs: 9, waitNs: 10 });
  });
  it('is empty where there is no /proc', () => {
    expect(readChromiumThreads(join(tmpdir(), 'no-such-proc-here')).size).toBe(0);
  });
});

describe('threadSpans and roundThreads', () => {
  const at = (runNs: number, waitNs: number, name: string, process = 'renderer') => ({ process, name, runNs, waitNs });
  it('gives each thread its time between two readings, by role, the busiest worker first', () => {
    const before = new Map([
      ['1/1', at(0, 0, 'chromium')],
      ['1/2', at(1e6, 0, 'DedicatedWorker')],
      ['1/3', at(0, 0, 'DedicatedWorker')],
      ['1/4', at(0, 0, 'ThreadPoolForeg')],
      ['9/9', at(0, 0, 'chromium', 'browser')],
    ]);
    const after = new Map([
      ['1/1', at(2e6, 1e6, 'chromium')],
      ['1/2', at(16e6, 4e6, 'DedicatedWorker')],
      ['1/3', at(7e6, 2e6, 'DedicatedWorker')],
      ['1/4', at(5e6, 3e6, 'ThreadPoolForeg')],
      // Born between the readings: counted from zero.
      ['1/5', at(3e6, 0, 'ThreadPoolForeg')],
      ['9/9', at(1e6, 0, 'chromium', 'browser')],
    ]);
    const round = roundThreads(threadSpans(before, after));
    expect(round.workers).toEqual([
      { runMs: 15, waitMs: 4 },
      { runMs: 7, waitMs: 2 },
    ]);
    expect(round.pool).toEqual({ runMs: 8, waitMs: 3 });
    expect(round.page).toEqual({ runMs: 2, waitMs: 1 });
    expect(round.rest).toEqual({ runMs: 1, waitMs: 0 });
  });
  it('leaves out threads that neither ran nor waited', () => {
    const same = new Map([['1/1', at(5, 5, 'chromium')]]);
    expect(threadSpans(same, same)).toEqual([]);
  });
});
