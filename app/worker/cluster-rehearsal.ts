/**
 * A cluster made and thrown away when the Cluster form is first used (the operation's warm, asked
 * on the form's first focus), so that the person's first cluster does not pay for what a worker
 * does once in its life: prove that the fast paths write what the general path writes
 * (pki/ca-template-proof.ts, pki/leaf-template-proof.ts, for a P-256 root and P-256 node and
 * client certificates, the form's default), and run the general path's code (@peculiar/x509 and
 * its ASN.1 schemas) for the first time. In Chromium that once-only work was most of the pki
 * worker's time in a first cluster of 100 nodes (a trace: 110 ms of CPU there against 40 ms in the
 * next cluster's).
 *
 * Nothing of it leaves this module: its keys and certificates are dropped when it ends, it
 * reports no progress, and a failure is ignored (the person's own call meets it again and says
 * it). It runs once per worker; a cluster asked for meanwhile runs beside it.
 */
import type { OpContext } from './protocol.ts';
import type { ClusterArgs } from './pki-contract.ts';

const REHEARSAL: ClusterArgs = {
  cluster: 'rehearsal',
  nodes: 'rehearsal-node rehearsal-node.invalid 192.0.2.1',
  clients: ['rehearsal-client'],
  target: 'generic',
  keyAlgorithm: 'p256',
  caDays: 1,
  leafDays: 1,
};

type ClusterOp = (args: ClusterArgs, ctx: OpContext) => Promise<unknown>;

/** `op` with a warm that, besides op's own, makes one rehearsal cluster through it, once. */
export function rehearsingOp<H extends ClusterOp & { warm: () => void }>(op: H): H {
  let rehearsed = false;
  const warm = () => {
    op.warm();
    if (rehearsed) return;
    rehearsed = true;
    const quiet: OpContext = { signal: new AbortController().signal, progress: () => undefined };
    op(REHEARSAL, quiet).catch(() => undefined);
  };
  const call = ((args: ClusterArgs, ctx: OpContext) => op(args, ctx)) as H;
  return Object.assign(call, { warm });
}
