import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { PkiError } from '../pki/errors.ts';
import { workerCaller, WorkerCallError, type CallOptions } from './client.ts';
import { OPS } from './ops.ts';
import { transferring, type Endpoint, type OpContext } from './protocol.ts';
import { serveOps } from './serve.ts';
import { portEndpoint } from './testing/channel-worker.ts';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function endpoint(port: MessagePort): Endpoint {
  ports.push(port);
  return portEndpoint(port);
}

/** Called when the 'forever' operation has seen its abort signal and stopped. */
let foreverStopped: () => void = () => undefined;
const testOps = {
  ...OPS,
  count: async (args: { to: number }, ctx: OpContext) => {
    for (let i = 1; i <= args.to; i++) {
      await new Promise((r) => setTimeout(r, 1));
      ctx.progress(i, args.to);
    }
    return args.to;
  },
  forever: async (_args: unknown, ctx: OpContext) => {
    while (!ctx.signal.aborted) await new Promise((r) => setTimeout(r, 2));
    foreverStopped();
    throw new Error('stopped');
  },
  typed: () => Promise.reject(new PkiError('invalid-san', 'sans', '"10.0.0.300" is not an IPv4 or IPv6 address')),
  crash: () => Promise.reject(new TypeError('x is undefined')),
  uncloneable: () => Promise.resolve({ answer: () => 42 }),
  movedAway: () => {
    const bytes = new Uint8Array(8);
    structuredClone(bytes, { transfer: [bytes.buffer] });
    return Promise.resolve(transferring({ bytes }, [bytes.buffer]));
  },
};

function connect() {
  const { port1, port2 } = new MessageChannel();
  serveOps(endpoint(port1), testOps);
  return workerCaller(() => endpoint(port2)) as unknown as (
    op: string,
    args: unknown,
    o?: CallOptions,
  ) => Promise<unknown>;
}

describe('worker protocol', () => {
  const errorRows = [
    {
      name: 'a PkiError keeps its code and field',
      input: 'typed',
      wantError: { code: 'invalid-san', field: 'sans', message: '"10.0.0.300" is not an IPv4 or IPv6 address' },
    },
    {
      name: 'any other error becomes internal, in our words',
      input: 'crash',
      wantError: { code: 'internal', field: '' },
    },
    {
      name: 'an unknown operation is an internal error naming it',
      input: 'nope',
      wantError: { code: 'internal', message: 'Unknown worker operation "nope".' },
    },
    { name: 'inherited names are not operations', input: 'toString', wantError: { code: 'internal' } },
    {
      name: 'a result that cannot be cloned is an internal error, not a call left waiting',
      input: 'uncloneable',
      wantError: { code: 'internal' },
    },
    {
      name: 'a result whose buffer to move is already gone is an internal error, not a call left waiting',
      input: 'movedAway',
      wantError: { code: 'internal' },
    },
  ];
  for (const row of errorRows) {
    it(row.name, async () => {
      const call = connect();
      const error = await call(row.input, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerCallError);
      expect(error).toMatchObject(row.wantError);
    });
  }

  it('forwards progress in order and resolves with the result', async () => {
    const call = connect();
    const progress: string[] = [];
    const result = await call('count', { to: 5 }, { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(result).toBe(5);
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('cancel rejects at once and aborts the work in the worker', async () => {
    const call = connect();
    const controller = new AbortController();
    // Awaited, not slept on: the cancel message reaches the worker side on a later task, and a
    // fixed wait for it would be a bet on the machine's load. Never stopping fails by the test timeout.
    const stopped = new Promise<void>((resolve) => {
      foreverStopped = resolve;
    });
    const running = call('forever', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await stopped;
  });

  it('start connects once, ahead of the first call, and the call uses that connection', async () => {
    const { port1, port2 } = new MessageChannel();
    serveOps(endpoint(port1), testOps);
    let connects = 0;
    const caller = workerCaller(() => {
      connects++;
      return endpoint(port2);
    });
    caller.start();
    caller.start();
    expect(connects).toBe(1);
    const call = caller as unknown as (op: string, args: unknown) => Promise<unknown>;
    expect(await call('count', { to: 2 })).toBe(2);
    expect(connects).toBe(1);
  });

  it('a real operation: the workspace file goes through the worker and back, encrypted', async () => {
    const call = connect();
    const items = [
      {
        id: 'a',
        kind: 'ca',
        name: 'root',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        pem: 'P',
        keyPem: 'secret',
        meta: {},
      },
    ];
    const text = (await call('exportWorkspace', { items, passphrase: 'pw' })) as string;
    expect(text).not.toContain('secret');
    await expect(call('importWorkspace', { text, passphrase: 'nope' })).rejects.toMatchObject({
      code: 'wrong-password',
      field: 'password',
    });
    expect(await call('importWorkspace', { text, passphrase: 'pw' })).toEqual({ items, skipped: 0 });
  });
});
