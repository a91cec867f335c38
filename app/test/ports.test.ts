// onFreePort: a port another process took between picking and binding costs a retry, not the test.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../layouts/testing/processes.ts';
import { isPortTaken, onFreePort } from './ports.ts';

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** Bind a port on 127.0.0.1 and keep it, as another process would. */
function holdPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    held.push(s);
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** A Node process listening on `port` through startServer, as the snippet tests start theirs. */
async function listenOn(port: number) {
  const server = await startServer(
    process.execPath,
    ['-e', `require('node:net').createServer().listen(${port}, '127.0.0.1', () => console.log('listening'))`],
    /listening/,
  );
  await server.stop();
  return port;
}

describe('onFreePort', () => {
  it('a server started on a port someone holds fails in words isPortTaken knows', async () => {
    const port = await holdPort();
    const error = await listenOn(port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isPortTaken(error)).toBe(true);
  });

  it('tries again on another port when the first one was taken', async () => {
    const taken = await holdPort();
    const tried: number[] = [];
    const port = await onFreePort((p) => {
      const use = tried.length === 0 ? taken : p; // the first pick lost the race to another process
      tried.push(use);
      return listenOn(use);
    });
    expect(tried).toEqual([taken, port]);
    expect(port).not.toBe(taken);
  });

  it('any other failure is not retried', async () => {
    let calls = 0;
    const error = await onFreePort(() => {
      calls++;
      return Promise.reject(new Error('the certificate file is missing'));
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('the certificate file is missing');
    expect(calls).toBe(1);
  });

  it('gives up after the attempts it was given', async () => {
    let calls = 0;
    const error = await onFreePort(() => {
      calls++;
      return Promise.reject(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8443'));
    }, 3).catch((e: unknown) => e);
    expect(isPortTaken(error)).toBe(true);
    expect(calls).toBe(3);
  });
});
