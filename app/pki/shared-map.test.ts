import { describe, expect, it, vi } from 'vitest';
import {
  REMOTE_GRACE_FACTOR,
  REMOTE_GRACE_MIN_MS,
  remoteGraceMs,
  remoteShares,
  sharedMap,
  type RemoteRunner,
} from './shared-map.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);
const tick = () => new Promise((r) => setTimeout(r, 1));
const local = async (x: number) => {
  await tick();
  return `local ${x}`;
};
/** A remote that makes its share (recording which), after `delay` ms. */
function remote(weight = 1, delay = 1): RemoteRunner<string> & { got: number[][] } {
  const got: number[][] = [];
  return {
    weight,
    got,
    async run(indices) {
      got.push([...indices]);
      await new Promise((r) => setTimeout(r, delay));
      return indices.map((i) => `remote ${i}`);
    },
  };
}
const failing = (weight = 1, delay = 1): RemoteRunner<string> => ({
  weight,
  run: () => new Promise((_, reject) => setTimeout(() => reject(new Error('helper gone')), delay)),
});

describe('remoteShares', () => {
  it('gives every thread an equal part at weight 1, in whole items', () => {
    expect(remoteShares(100, [1], 8)).toEqual([50]);
    expect(remoteShares(100, [1, 1], 8)).toEqual([33, 33]);
    expect(remoteShares(101, [1], 8)).toEqual([50]);
  });
  it('follows the weights', () => {
    expect(remoteShares(90, [0.5], 8)).toEqual([30]);
    expect(remoteShares(100, [2, 0.25], 8)).toEqual([61, 7].map((s) => (s < 8 ? 0 : s)));
  });
  it('gives nothing below the smallest share worth a message', () => {
    expect(remoteShares(15, [1], 8)).toEqual([0]);
    expect(remoteShares(16, [1], 8)).toEqual([8]);
  });
});

describe('sharedMap', () => {
  it('without remotes is boundedMap: every item once, in order', async () => {
    const fn = vi.fn(local);
    const out = await sharedMap(items(40), fn, { limit: 4, remotes: [], minShare: 8 });
    expect(out).toEqual(items(40).map((i) => `local ${i}`));
    expect(fn).toHaveBeenCalledTimes(40);
  });

  it('hands a remote the tail of the list and makes the front here, results in order', async () => {
    const r = remote();
    const done: number[] = [];
    const out = await sharedMap(items(20), local, {
      limit: 4,
      remotes: [r],
      minShare: 8,
      onDone: (d) => done.push(d),
    });
    expect(r.got).toEqual([items(10).map((i) => i + 10)]);
    expect(out).toEqual(items(20).map((i) => (i < 10 ? `local ${i}` : `remote ${i}`)));
    expect(done.at(-1)).toBe(20);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.length).toBe(11); // ten local items one by one, the remote's share at once
  });

  it('makes a failed remote share here, also when it fails after this thread ran out of items', async () => {
    for (const delay of [0, 50]) {
      const fn = vi.fn(local);
      const out = await sharedMap(items(30), fn, { limit: 4, remotes: [failing(1, delay)], minShare: 8 });
      expect(out).toEqual(items(30).map((i) => `local ${i}`));
      expect(fn).toHaveBeenCalledTimes(30);
    }
  });

  it('treats a remote that answers for fewer items as failed', async () => {
    const short: RemoteRunner<string> = { weight: 1, run: (indices) => Promise.resolve(indices.slice(1).map(String)) };
    const out = await sharedMap(items(20), local, { limit: 2, remotes: [short], minShare: 8 });
    expect(out).toEqual(items(20).map((i) => `local ${i}`));
  });

  it('rejects at the first local failure and keeps no remote result', async () => {
    const r = remote(1, 20);
    const fn = async (x: number) => {
      await tick();
      if (x === 3) throw new Error('line 4 failed');
      return String(x);
    };
    await expect(sharedMap(items(40), fn, { limit: 2, remotes: [r], minShare: 8 })).rejects.toThrow('line 4 failed');
  });

  it('stops when asked, with the count done so far', async () => {
    let asked = 0;
    await expect(
      sharedMap(items(40), local, {
        limit: 2,
        remotes: [remote(1, 50)],
        minShare: 8,
        shouldStop: () => ++asked > 6,
        stopError: (done) => new Error(`stopped after ${done}`),
      }),
    ).rejects.toThrow(/^stopped after \d+$/);
  });

  it("reports this thread's pace once, only when remotes took part", async () => {
    const paces: number[] = [];
    await sharedMap(items(20), local, {
      limit: 2,
      remotes: [remote()],
      minShare: 8,
      onLocalPace: (ms) => paces.push(ms),
    });
    expect(paces).toHaveLength(1);
    expect(paces[0]).toBeGreaterThan(0);
    await sharedMap(items(20), local, { limit: 2, remotes: [], minShare: 8, onLocalPace: (ms) => paces.push(ms) });
    await sharedMap(items(10), local, {
      limit: 2,
      remotes: [remote()],
      minShare: 8,
      onLocalPace: (ms) => paces.push(ms),
    });
    expect(paces).toHaveLength(1);
  });

  describe('a remote that does not answer in time', () => {
    /** A remote that answers after `delay` ms (never, by default), counting its `overdue` calls. */
    const slow = (delay = Infinity) => {
      const r = {
        weight: 1,
        overdue: vi.fn(),
        run: (indices: readonly number[]) =>
          new Promise<string[]>((resolve) => {
            if (Number.isFinite(delay)) setTimeout(() => resolve(indices.map((i) => `remote ${i}`)), delay);
          }),
      };
      return r;
    };

    it('has its share made here once the grace is over, in order, and is told', async () => {
      const r = slow();
      const graceMs = vi.fn((_localMs: number) => 20);
      const out = await sharedMap(items(20), local, { limit: 4, remotes: [r], minShare: 8, graceMs });
      expect(out).toEqual(items(20).map((i) => `local ${i}`));
      expect(r.overdue).toHaveBeenCalledTimes(1);
      // The grace is asked for the time this thread would take for the remote's 10 items.
      expect(graceMs).toHaveBeenCalledTimes(1);
      expect(graceMs.mock.calls[0]![0]).toBeGreaterThan(0);
    });

    it('keeps its share when it answers within the grace', async () => {
      const r = slow(30);
      const out = await sharedMap(items(20), local, { limit: 4, remotes: [r], minShare: 8, graceMs: () => 2_000 });
      expect(out).toEqual(items(20).map((i) => (i < 10 ? `local ${i}` : `remote ${i}`)));
      expect(r.overdue).not.toHaveBeenCalled();
    });

    it('is ignored when it answers after its share was taken back', async () => {
      const r = slow(60);
      const done: number[] = [];
      const out = await sharedMap(items(20), local, {
        limit: 4,
        remotes: [r],
        minShare: 8,
        graceMs: () => 5,
        onDone: (d) => done.push(d),
      });
      expect(out).toEqual(items(20).map((i) => `local ${i}`));
      await new Promise((r) => setTimeout(r, 80));
      expect(out).toEqual(items(20).map((i) => `local ${i}`));
      expect(Math.max(...done)).toBe(20);
      expect(done).toHaveLength(20);
    });

    it('starts no grace once the map failed', async () => {
      const graceMs = vi.fn((_localMs: number) => 5);
      const fn = async (x: number) => {
        await tick();
        if (x === 2) throw new Error('line 3 failed');
        return String(x);
      };
      await expect(sharedMap(items(20), fn, { limit: 2, remotes: [slow()], minShare: 8, graceMs })).rejects.toThrow(
        'line 3 failed',
      );
      await tick();
      expect(graceMs).not.toHaveBeenCalled();
    });

    it("is given at least REMOTE_GRACE_MIN_MS, or REMOTE_GRACE_FACTOR times this thread's time", () => {
      expect(remoteGraceMs(0)).toBe(REMOTE_GRACE_MIN_MS);
      expect(remoteGraceMs(10)).toBe(REMOTE_GRACE_MIN_MS);
      expect(remoteGraceMs(10_000)).toBe(REMOTE_GRACE_FACTOR * 10_000);
    });
  });
});
