import { describe, expect, it } from 'vitest';
import { putInSlices, type PutTarget } from './sliced-puts.ts';

/** A fake object store: records every put, lets the test fire each request's success callback, costs `cost` per put on a fake clock. */
function fakeStore(cost: number, throwAt = -1) {
  let clock = 0;
  const puts: number[] = [];
  const requests: { onsuccess: ((ev: Event) => unknown) | null }[] = [];
  const store: PutTarget<number> = {
    put(value) {
      if (puts.length === throwAt) throw new Error(`cannot clone record ${value}`);
      clock += cost;
      puts.push(value);
      const request = { onsuccess: null };
      requests.push(request);
      return request;
    },
  };
  return { store, puts, requests, now: () => clock };
}

/** Fire the success callback of the latest request, as IndexedDB does on a later task. */
function succeedLast(requests: { onsuccess: ((ev: Event) => unknown) | null }[]): boolean {
  const cb = requests.at(-1)?.onsuccess;
  if (!cb) return false;
  cb(new Event('success'));
  return true;
}

describe('putInSlices', () => {
  it("issues puts in slices of the budget, the next slice from the last request's success", () => {
    const f = fakeStore(1);
    const values = Array.from({ length: 25 }, (_, i) => i);
    putInSlices(
      f.store,
      values,
      (e) => {
        throw e;
      },
      { budgetMs: 10, now: f.now },
    );
    expect(f.puts).toEqual(values.slice(0, 10));
    const sliceSizes = [f.puts.length];
    while (succeedLast(f.requests)) sliceSizes.push(f.puts.length - sliceSizes.reduce((a, b) => a + b, 0));
    expect(sliceSizes).toEqual([10, 10, 5]);
    expect(f.puts).toEqual(values);
  });

  it('puts everything in one slice when it fits, and nothing for no values', () => {
    const f = fakeStore(1);
    putInSlices(
      f.store,
      [1, 2, 3],
      (e) => {
        throw e;
      },
      { budgetMs: 10, now: f.now },
    );
    expect(f.puts).toEqual([1, 2, 3]);
    expect(f.requests.every((r) => r.onsuccess === null)).toBe(true);
    const empty = fakeStore(1);
    putInSlices(
      empty.store,
      [],
      (e) => {
        throw e;
      },
      { budgetMs: 10, now: empty.now },
    );
    expect(empty.puts).toEqual([]);
  });

  it('a put slower than the budget still makes progress, one per slice', () => {
    const f = fakeStore(20);
    putInSlices(
      f.store,
      [1, 2, 3],
      (e) => {
        throw e;
      },
      { budgetMs: 10, now: f.now },
    );
    expect(f.puts).toEqual([1]);
    succeedLast(f.requests);
    succeedLast(f.requests);
    expect(f.puts).toEqual([1, 2, 3]);
  });

  it('a put that throws is handed to fail and nothing after it is put', () => {
    const f = fakeStore(1, 12);
    const failures: unknown[] = [];
    putInSlices(
      f.store,
      Array.from({ length: 30 }, (_, i) => i),
      (e) => failures.push(e),
      { budgetMs: 10, now: f.now },
    );
    while (succeedLast(f.requests)) {
      /* drain */
    }
    expect(f.puts).toHaveLength(12);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/cannot clone record 12/);
  });
});
