import { describe, expect, it } from 'vitest';
import { announceInSlices } from './sliced-messages.ts';

interface Msg {
  put: number[];
  deleted: string[];
  lock?: string | null;
}

/** A clock that advances `step` ms each time it is read. */
const clock = (step: number) => {
  let t = 0;
  return () => (t += step);
};

const rows: {
  name: string;
  message: Msg;
  perMessage: number;
  /** ms the clock moves per reading; the budget is 8 ms. */
  step: number;
  wantSizes: number[];
  /** Messages posted before the first yield to the event loop. */
  wantBeforeYield: number;
}[] = [
  {
    name: 'nothing put: one message with the deleted ids',
    message: { put: [], deleted: ['a', 'b'] },
    perMessage: 50,
    step: 1,
    wantSizes: [0],
    wantBeforeYield: 1,
  },
  {
    name: 'fewer records than a message holds: one message, as it was',
    message: { put: [1, 2, 3], deleted: ['x'], lock: null },
    perMessage: 50,
    step: 1,
    wantSizes: [3],
    wantBeforeYield: 1,
  },
  {
    name: 'a thousand records: 50 a message, all in one task while under budget',
    message: { put: Array.from({ length: 1003 }, (_, i) => i), deleted: [] },
    perMessage: 50,
    step: 0,
    wantSizes: [...Array<number>(20).fill(50), 3],
    wantBeforeYield: 21,
  },
  {
    name: 'a slow clone: a task per budget of messages',
    message: { put: Array.from({ length: 10 }, (_, i) => i), deleted: ['gone'] },
    perMessage: 2,
    step: 3, // the slice starts at 3; after each message 6, 9, 12: the 8 ms budget is spent after the third
    wantSizes: [2, 2, 2, 2, 2],
    wantBeforeYield: 3,
  },
];

describe('announceInSlices', () => {
  for (const row of rows)
    it(row.name, async () => {
      const posted: Msg[] = [];
      const done = announceInSlices((m: Msg) => posted.push(m), row.message, {
        perMessage: row.perMessage,
        now: clock(row.step),
      });
      const beforeYield = posted.length;
      await done;
      expect(beforeYield).toBe(row.wantBeforeYield);
      expect(posted.map((m) => m.put.length)).toEqual(row.wantSizes);
      // Nothing lost, nothing twice, in order; what is not records only on the first message.
      expect(posted.flatMap((m) => m.put)).toEqual(row.message.put);
      expect(posted[0]).toMatchObject({ deleted: row.message.deleted });
      expect('lock' in (posted[0] ?? {})).toBe('lock' in row.message);
      for (const later of posted.slice(1)) expect(later).toEqual({ put: later.put, deleted: [] });
    });
});
