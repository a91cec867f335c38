/**
 * Test support: the page's worker client served by the worker's own operations over a Node
 * MessageChannel, so a test runs the page's code and the worker's as the browser does (the real
 * protocol, structured clone and transfer lists), without a browser. Use it from a vi.mock factory
 * of '../../worker/client.ts', handing it the original module's workerCaller (importing the client
 * here would meet the mock), and close the ports after the tests.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { StartableCaller, workerCaller } from '../client.ts';
import { OPS } from '../ops.ts';
import type { Endpoint } from '../protocol.ts';
import { serveOps } from '../serve.ts';

function endpoint(port: MessagePort): Endpoint {
  return {
    postMessage: (m, t) => port.postMessage(m, (t ?? []) as never),
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
  };
}

/** A callWorker served in this process, and the ports to close when done. */
export function channelWorker(caller: typeof workerCaller): { callWorker: StartableCaller; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  serveOps(endpoint(port1), OPS);
  return {
    callWorker: caller(() => endpoint(port2)),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}
