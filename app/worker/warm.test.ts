/**
 * Warming: a view about to call an operation asks the worker to load that operation's family
 * first (worker/ops.ts loads each family on its first call). A warm request loads, answers
 * nothing, and a failing load is left for the call that follows to report.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { workerCaller } from './client.ts';
import { lazyFamily, OPS } from './ops.ts';
import { PkiError } from '../pki/light/index.ts';
import type { Endpoint, OpContext } from './protocol.ts';
import { serveOps } from './serve.ts';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function endpoint(port: MessagePort, seen?: unknown[]): Endpoint {
  ports.push(port);
  return {
    postMessage: (m, t) => port.postMessage(m, (t ?? []) as never),
    addEventListener: (_type, listener) =>
      port.on('message', (data: unknown) => {
        seen?.push(data);
        listener({ data } as MessageEvent);
      }),
  };
}

/** An operation whose family load is counted, as ops.ts builds them. */
function countedOp(fail = false) {
  const loads = { count: 0 };
  const load = () => {
    loads.count++;
    return fail ? Promise.reject(new Error('chunk missing')) : Promise.resolve();
  };
  const op = Object.assign(async (_args: unknown, _ctx: OpContext) => (await load(), 'done'), { warm: load });
  return { op, loads };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('warming an operation family', () => {
  it('every operation of the worker can be warmed', () => {
    const cold = Object.entries(OPS).filter(([, op]) => typeof (op as { warm?: unknown }).warm !== 'function');
    expect(cold.map(([name]) => name)).toEqual([]);
  });

  const rows = [
    { name: 'a warm request loads the family and answers nothing', fail: false, wantLoads: 1 },
    { name: 'a failing load is silent (the next call reports it)', fail: true, wantLoads: 1 },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { op, loads } = countedOp(row.fail);
      const { port1, port2 } = new MessageChannel();
      serveOps(endpoint(port1), { op });
      const answers: unknown[] = [];
      const caller = workerCaller(() => endpoint(port2, answers));
      (caller.start as (...ops: string[]) => void)('op');
      await tick();
      expect(loads.count).toBe(row.wantLoads);
      expect(answers).toEqual([]);
    });
  }

  it('an unknown name is ignored', async () => {
    const { op, loads } = countedOp();
    const { port1, port2 } = new MessageChannel();
    serveOps(endpoint(port1), { op });
    const answers: unknown[] = [];
    const caller = workerCaller(() => endpoint(port2, answers));
    (caller.start as (...ops: string[]) => void)('nope', 'toString');
    await tick();
    expect(loads.count).toBe(0);
    expect(answers).toEqual([]);
  });
});

describe('a lazily loaded family', () => {
  const ctx: OpContext = { signal: new AbortController().signal, progress: () => undefined };
  type Family = { twice: (n: number, c: OpContext) => Promise<number> };
  const family = (importFamily: () => Promise<Family>) => lazyFamily(importFamily, { twice: true });

  it('runs the operation with its arguments once its code is there', async () => {
    const ops = family(() => Promise.resolve({ twice: (n: number) => Promise.resolve(n * 2) }));
    expect(await ops.twice(21, ctx)).toBe(42);
  });

  it('imports its code once: later calls call the loaded registry', async () => {
    let imports = 0;
    const ops = family(() => {
      imports++;
      return Promise.resolve({ twice: (n: number) => Promise.resolve(n * 2) });
    });
    expect([await ops.twice(1, ctx), await ops.twice(2, ctx), await ops.twice(3, ctx)]).toEqual([2, 4, 6]);
    expect(imports).toBe(1);
  });

  it('a load that failed is tried again by the next call', async () => {
    let imports = 0;
    const ops = family(() =>
      ++imports === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve({ twice: (n: number) => Promise.resolve(n * 2) }),
    );
    await expect(ops.twice(1, ctx)).rejects.toBeInstanceOf(PkiError);
    expect(await ops.twice(5, ctx)).toBe(10);
    expect(imports).toBe(2);
  });

  it('code that cannot be loaded is said in words, with what to do', async () => {
    const ops = family(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const error = await ops.twice(1, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkiError);
    expect(error).toMatchObject({ code: 'internal', field: '' });
    expect((error as Error).message).toMatch(
      /could not load the code for this step \(Failed to fetch.*reload the page/,
    );
  });
});
