/**
 * When the leaf helpers start (leaf-helper-pool.ts batchingOp): with the first warm or call of an
 * operation that batches (the Cluster operation, a cluster's renewal), and not for the other
 * operations of their families (making a CA, issuing one certificate, revoking, a CRL). Each test
 * takes fresh modules, so the pool is new, on a machine of four cores whose Worker only records
 * what was started.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const started: { url: string; name: string | undefined }[] = [];

class RecordingWorker {
  constructor(url: URL | string, options?: WorkerOptions) {
    started.push({ url: String(url), name: options?.name });
  }
  postMessage(): void {}
  addEventListener(): void {}
  terminate(): void {}
}

type Warmable = { warm: () => Promise<unknown> };

async function freshOps() {
  vi.resetModules();
  return (await import('./ops.ts')).OPS as unknown as Record<
    string,
    Warmable & ((...a: unknown[]) => Promise<unknown>)
  >;
}

beforeEach(() => {
  started.length = 0;
  vi.stubGlobal('Worker', RecordingWorker);
  vi.stubGlobal('navigator', { hardwareConcurrency: 4 });
});
afterEach(() => vi.unstubAllGlobals());

describe('the leaf helpers start for operations that batch', () => {
  const quiet = [
    'createCa',
    'issueCertificate',
    'signCsr',
    'importCa',
    'renewCertificate',
    'revokeCertificate',
    'issueCrl',
  ];
  it(`warming ${quiet.join(', ')} loads their families and starts no helper`, async () => {
    const ops = await freshOps();
    for (const op of quiet) await ops[op]!.warm();
    expect(started).toEqual([]);
  });

  for (const op of ['setUpCluster', 'renewCluster']) {
    it(`warming ${op} starts one helper per core beyond the first, once`, async () => {
      const ops = await freshOps();
      await ops[op]!.warm();
      expect(started).toHaveLength(3);
      expect(started.every((w) => w.name === 'certbench-leaf-helper' && /leaf-helper\.worker/.test(w.url))).toBe(true);
      await ops[op]!.warm();
      await ops.setUpCluster!.warm();
      await ops.renewCluster!.warm();
      expect(started, 'started once, whichever operation asks again').toHaveLength(3);
    });
  }

  it('a call of an operation that batches starts them when nothing warmed it', async () => {
    const ops = await freshOps();
    const ctx = { signal: new AbortController().signal, progress: () => undefined };
    await expect(
      ops.renewCluster!({ members: [], issuer: { certPem: '', keyPem: '', chainPem: '' } }, ctx),
    ).rejects.toThrow();
    expect(started).toHaveLength(3);
  });
});
