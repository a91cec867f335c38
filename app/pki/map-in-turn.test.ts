// mapInTurn keeps boundedMap's contract without a promise per item: results in order, progress
// after each, a stop asked before the first or between items, the first failure rejecting, and
// an abort signalled by an event (a timer) landing while a long loop yields.
import { describe, expect, it } from 'vitest';
import { mapInTurn, SLICE_MS } from './map-in-turn.ts';

const stopAfter = (done: number) => new Error(`stopped after ${done}`);

/** Busy for longer than a slice, so the loop yields after this item. */
function busySlice(): void {
  const start = performance.now();
  while (performance.now() - start <= SLICE_MS) {
    /* spin */
  }
}

describe('mapInTurn', () => {
  it('maps in order and reports each item done', async () => {
    const done: string[] = [];
    const out = await mapInTurn([3, 1, 2], (n, i) => `${i}:${n * 2}`, { onDone: (d, t) => done.push(`${d}/${t}`) });
    expect(out).toEqual(['0:6', '1:2', '2:4']);
    expect(done).toEqual(['1/3', '2/3', '3/3']);
  });

  const stops = [
    { name: 'a stop asked before the first item', stopWhen: () => true, want: 'stopped after 0', calls: 0 },
    {
      name: 'a stop asked after the second item',
      stopWhen: (calls: number) => calls >= 2,
      want: 'stopped after 2',
      calls: 2,
    },
    {
      name: 'a stop asked after the last item',
      stopWhen: (calls: number) => calls >= 4,
      want: 'stopped after 4',
      calls: 4,
    },
  ];
  for (const row of stops) {
    it(row.name, async () => {
      let calls = 0;
      const run = mapInTurn([1, 2, 3, 4], () => ++calls, {
        shouldStop: () => row.stopWhen(calls),
        stopError: stopAfter,
      });
      await expect(run).rejects.toThrow(row.want);
      expect(calls).toBe(row.calls);
    });
  }

  it('rejects with the first failure and starts nothing after it', async () => {
    let calls = 0;
    const run = mapInTurn([1, 2, 3], (n) => {
      calls++;
      if (n === 2) throw new Error('bad item 2');
      return n;
    });
    await expect(run).rejects.toThrow('bad item 2');
    expect(calls).toBe(2);
  });

  it('an abort fired by a timer lands while a long loop yields', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 0);
    let calls = 0;
    const run = mapInTurn(
      Array.from({ length: 10 }, (_, i) => i),
      () => {
        calls++;
        busySlice();
      },
      { shouldStop: () => ctl.signal.aborted, stopError: stopAfter },
    );
    await expect(run).rejects.toThrow(/stopped after [1-3]$/);
    expect(calls).toBeLessThan(10);
  });
});
