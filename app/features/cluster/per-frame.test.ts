import { describe, expect, it } from 'vitest';
import { perFrame } from './per-frame.ts';

/** Frames the test runs by hand. */
function frames() {
  const queued = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (run: () => void) => {
      queued.set(next, run);
      return next++;
    },
    unschedule: (h: number) => void queued.delete(h),
    tick() {
      const runs = [...queued.values()];
      queued.clear();
      for (const r of runs) r();
    },
    pending: () => queued.size,
  };
}

describe('perFrame', () => {
  it('hands on only the latest value of a frame, one frame at a time', () => {
    const f = frames();
    const seen: number[] = [];
    const p = perFrame((v: number) => seen.push(v), f.schedule, f.unschedule);
    for (let i = 1; i <= 5; i++) p.push(i);
    expect(f.pending()).toBe(1);
    expect(seen).toEqual([]);
    f.tick();
    p.push(6);
    p.push(7);
    f.tick();
    f.tick();
    expect(seen).toEqual([5, 7]);
  });

  it('cancel drops what was not handed on and schedules nothing more', () => {
    const f = frames();
    const seen: string[] = [];
    const p = perFrame((v: string) => seen.push(v), f.schedule, f.unschedule);
    p.push('a');
    p.cancel();
    expect(f.pending()).toBe(0);
    f.tick();
    expect(seen).toEqual([]);
    p.push('b');
    f.tick();
    expect(seen).toEqual(['b']);
  });
});
