/**
 * Test support: the page's worker client served by the worker's own operations over a Node
 * MessageChannel, so a test runs the page's code and the worker's as the browser does (the real
 * protocol, structured clone and transfer lists), without a browser. In a test file:
 *
 *   vi.mock('../../worker/client.ts', async (original) =>
 *     (await import('../../worker/testing/channel-worker.ts')).inProcessClient(await original()));
 *   afterAll(closeInProcessClients);
 *
 * The original client module is handed in: importing it here would meet the mock.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { StartableCaller, workerCaller } from '../client.ts';
import { OPS } from '../ops.ts';
import type { Endpoint } from '../protocol.ts';
import { serveOps } from '../serve.ts';

/** A Node MessagePort as the protocol's Endpoint (what a Worker or the worker's global scope is in a browser). */
export function portEndpoint(port: MessagePort): Endpoint {
  return {
    postMessage: (m, t) => port.postMessage(m, (t ?? []) as never),
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
  };
}

/** A callWorker served in this process, and the ports to close when done. */
function channelWorker(caller: typeof workerCaller): { callWorker: StartableCaller; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  serveOps(portEndpoint(port1), OPS);
  return {
    callWorker: caller(() => portEndpoint(port2)),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

const openChannels = new Set<() => void>();

/**
 * The client module `client` with its callWorker served in this process (closed by
 * closeInProcessClients), and startWorker warming that one (the original would start a Worker).
 */
export function inProcessClient<T extends { workerCaller: typeof workerCaller }>(
  client: T,
): T & { callWorker: StartableCaller; startWorker: StartableCaller['start'] } {
  const served = channelWorker(client.workerCaller);
  openChannels.add(() => served.close());
  return { ...client, callWorker: served.callWorker, startWorker: (...ops) => served.callWorker.start(...ops) };
}

/** Close every channel inProcessClient opened, so the test process can end. */
export function closeInProcessClients(): void {
  for (const close of openChannels) close();
  openChannels.clear();
}
