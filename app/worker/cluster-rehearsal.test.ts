/**
 * The Cluster operation's rehearsal (cluster-rehearsal.ts): warming the operation makes one
 * throwaway cluster, once, quietly; and that cluster leaves the worker's once-only proofs done, so
 * the person's first cluster proves nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { rehearsingOp } from './cluster-rehearsal.ts';
import { PKI_OPS } from './ops-pki.ts';
import { forgetTemplateProofs, provenTemplateCount } from '../pki/leaf-template-proof.ts';
import { forgetRootProofs, provenRootShapeCount } from '../pki/ca-template-proof.ts';
import type { ClusterArgs } from './pki-contract.ts';
import type { OpContext } from './protocol.ts';

const ctx: OpContext = { signal: new AbortController().signal, progress: () => undefined };

function fakeOp(outcome: () => Promise<unknown>) {
  const calls: { args: ClusterArgs; ctx: OpContext }[] = [];
  const warms: number[] = [];
  const op = Object.assign(
    (args: ClusterArgs, c: OpContext) => {
      calls.push({ args, ctx: c });
      return outcome();
    },
    { warm: () => void warms.push(1) },
  );
  return { op, calls, warms };
}

describe('rehearsingOp', () => {
  it('warms the operation each time it is warmed, and rehearses once', () => {
    const { op, calls, warms } = fakeOp(() => Promise.resolve('made'));
    const rehearsing = rehearsingOp(op);
    rehearsing.warm();
    rehearsing.warm();
    expect(warms).toHaveLength(2);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toMatchObject({ cluster: 'rehearsal', target: 'generic', keyAlgorithm: 'p256' });
    // The rehearsal reports nothing.
    expect(() => calls[0]?.ctx.progress(1, 2)).not.toThrow();
  });

  it('passes a call through unchanged', async () => {
    const { op, calls } = fakeOp(() => Promise.resolve('made'));
    const args = { cluster: 'mine' } as ClusterArgs;
    await expect(rehearsingOp(op)(args, ctx)).resolves.toBe('made');
    expect(calls[0]).toEqual({ args, ctx });
  });

  it('ignores a rehearsal that fails: the person’s own call meets the failure and says it', async () => {
    const { op, calls } = fakeOp(() => Promise.reject(new Error('no WebCrypto here')));
    const rehearsing = rehearsingOp(op);
    rehearsing.warm();
    // An unhandled rejection would fail this file.
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(1);
    await expect(rehearsing({ cluster: 'mine' } as ClusterArgs, ctx)).rejects.toThrow('no WebCrypto here');
  });
});

describe('the Cluster operation, warmed', () => {
  it('proves its root and leaf templates in the rehearsal, so the first cluster proves none', async () => {
    forgetTemplateProofs();
    forgetRootProofs();
    expect([provenRootShapeCount(), provenTemplateCount()]).toEqual([0, 0]);
    PKI_OPS.setUpCluster.warm();
    // A P-256 root; P-256 node and client leaves under it.
    await vi.waitFor(() => expect([provenRootShapeCount(), provenTemplateCount()]).toEqual([1, 2]), {
      timeout: 10_000,
    });
    const made = await PKI_OPS.setUpCluster(
      {
        cluster: 'first',
        nodes: 'node-1 10.0.0.1\nnode-2 10.0.0.2',
        clients: ['app'],
        target: 'generic',
        keyAlgorithm: 'p256',
        caDays: 30,
        leafDays: 10,
      },
      ctx,
    );
    expect(made.nodes.names).toEqual(['node-1', 'node-2']);
    expect([provenRootShapeCount(), provenTemplateCount()], 'no proof for the first cluster').toEqual([1, 2]);
  });
});
