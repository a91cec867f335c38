import { describe, expect, it } from 'vitest';
import { boundedMap } from './bounded-map.ts';

/** A call that resolves when the test says so, recording how many run at once. */
function harness() {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const release = new Map<number, { ok: () => void; fail: (e: Error) => void }>();
  const fn = (item: number) =>
    new Promise<string>((resolve, reject) => {
      running++;
      most = Math.max(most, running);
      started.push(item);
      release.set(item, {
        ok: () => {
          running--;
          resolve(`r${item}`);
        },
        fail: (e) => {
          running--;
          reject(e);
        },
      });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { fn, started, release, tick, most: () => most };
}

describe('boundedMap', () => {
  const rows = [
    { name: 'fewer items than the limit', items: 3, limit: 16, wantMost: 3 },
    { name: 'more items than the limit', items: 10, limit: 4, wantMost: 4 },
    { name: 'limit 1 is one at a time', items: 5, limit: 1, wantMost: 1 },
  ];
  for (const row of rows) {
    it(`${row.name}: results in input order, at most ${row.wantMost} in flight`, async () => {
      const h = harness();
      const done: number[] = [];
      const items = Array.from({ length: row.items }, (_, i) => i);
      const out = boundedMap(items, h.fn, { limit: row.limit, onDone: (d) => done.push(d) });
      // Release the latest started first, so completion order differs from input order.
      for (let released = 0; released < row.items; released++) {
        await h.tick();
        const last = h.started.filter((i) => h.release.has(i)).at(-1);
        if (last === undefined) throw new Error('nothing in flight while items remain');
        h.release.get(last)?.ok();
        h.release.delete(last);
      }
      expect(await out).toEqual(items.map((i) => `r${i}`));
      expect(h.most()).toBe(row.wantMost);
      expect(done).toEqual(items.map((i) => i + 1));
    });
  }

  it('the first failure rejects and nothing new starts', async () => {
    const h = harness();
    const out = boundedMap([0, 1, 2, 3, 4], h.fn, { limit: 2 });
    await h.tick();
    h.release.get(1)?.fail(new Error('boom on 1'));
    await expect(out).rejects.toThrow('boom on 1');
    h.release.get(0)?.ok();
    await h.tick();
    expect(h.started).toEqual([0, 1]);
  });

  it('a stop asked for after a call resolves rejects with the stop error and the count done', async () => {
    const h = harness();
    let stop = false;
    const out = boundedMap([0, 1, 2], h.fn, {
      limit: 2,
      onDone: () => (stop = true),
      shouldStop: () => stop,
      stopError: (done) => new Error(`stopped after ${done}`),
    });
    await h.tick();
    h.release.get(0)?.ok();
    await expect(out).rejects.toThrow('stopped after 1');
    expect(h.started).toEqual([0, 1]);
  });
});
