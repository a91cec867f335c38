/**
 * When one side of issueCluster fails, the other stops: a client certificate that cannot be
 * signed ends the node batch too, which then starts no more certificates and reports no more
 * progress after the flow has rejected. The failure is made by a WebCrypto whose sign refuses a
 * to-be-signed certificate naming the failing client; every crypto call it starts is tracked, so
 * the test waits for the batch to wind down (no timers) before it counts.
 */
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueCluster } from './cluster.ts';

const FAILING_CLIENT = 'bad-client';
const NODES = 40;

/** Node's WebCrypto: sign fails on data naming FAILING_CLIENT; generateKey calls counted; every call tracked. */
function failingCrypto() {
  const pending = new Set<Promise<unknown>>();
  let keys = 0;
  const marker = Buffer.from(FAILING_CLIENT);
  const names = (data: BufferSource) => {
    const bytes = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);
    return Buffer.from(bytes).includes(marker);
  };
  const subtle = new Proxy(webcrypto.subtle, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'generateKey') keys++;
        const call =
          prop === 'sign' && names(args[2] as BufferSource)
            ? Promise.reject(new Error(`sign refused for ${FAILING_CLIENT}`))
            : (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        pending.add(call);
        void call.finally(() => pending.delete(call)).catch(() => undefined);
        return call;
      };
    },
  });
  const crypto = {
    subtle,
    getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
    randomUUID: webcrypto.randomUUID.bind(webcrypto),
  } as unknown as Crypto;
  /** Resolves once no crypto call is running and none starts after the last ended. */
  const settled = async () => {
    do {
      await Promise.allSettled([...pending]);
      await new Promise((resolve) => setImmediate(resolve));
    } while (pending.size);
  };
  return { crypto, keys: () => keys, settled };
}

describe('issueCluster after a failure', () => {
  it('a failing client certificate stops the node batch: no more keys, no progress after the rejection', async () => {
    const { crypto, keys, settled } = failingCrypto();
    let rejected = false;
    let progressAfter = 0;
    const flow = issueCluster(
      {
        cluster: 'prod',
        nodes: Array.from({ length: NODES }, (_, i) => `db-${i + 1} 10.0.0.${i + 1}`).join('\n'),
        clients: [FAILING_CLIENT],
        layout: 'scylla',
        algorithm: 'p256',
        leafDays: 90,
      },
      { newRoot: { days: 3650 } },
      { progress: () => void (rejected && progressAfter++) },
      crypto,
    );
    await expect(flow).rejects.toThrow(`sign refused for ${FAILING_CLIENT}`);
    rejected = true;
    await settled();
    expect(progressAfter).toBe(0);
    // The root's key, the client's, and the nodes started before the failure; not all NODES.
    expect(keys()).toBeLessThan(NODES);
  });
});
