/**
 * For scale in section "issue", not a goal line: renewing a cluster in Node, as `certbench renew
 * batch` does (renewLeaves on Node's engine): every member read, a new key, serial and validity
 * each. Members with a fresh key and certbench's plain CN subject renew in batches on the fast
 * path (pki/renew-batch.ts); a member that keeps its key renews one by one on the general path,
 * which was every member's path before. Both beside issuing the same nodes anew.
 */
import { issueBatch, type CaResult } from '../pki/index.ts';
import { renewLeaves, type RenewalRequest } from '../pki/lifecycle/index.ts';
import { nodeLeafEngine } from '../cli/node-leaf-engine.ts';
import { best, nodeList, type PerCert } from './issue-anchor.ts';

const ROUNDS = 3;
/** Members renewed one by one: the general path is an order of magnitude slower. */
const ONE_BY_ONE_N = 100;

const perCert = (ms: number, n: number): PerCert => ({ wall: ms / n });

async function renewRound(members: readonly RenewalRequest[], ca: CaResult): Promise<PerCert> {
  const t0 = performance.now();
  const renewed = await renewLeaves(members, ca, {}, undefined, { engine: nodeLeafEngine });
  if (renewed.length !== members.length) throw new Error(`renewed ${renewed.length} of ${members.length}`);
  return perCert(performance.now() - t0, members.length);
}

/** Prints the renewal line for `n` nodes under `ca`. */
export async function renewFigure(ca: CaResult, n: number): Promise<void> {
  const issued = await issueBatch(nodeList(n), ca, { days: 90, engine: nodeLeafEngine });
  const fresh = issued.items.map((i) => ({ name: i.name, certPem: i.certPem }));
  const kept = issued.items
    .slice(0, ONE_BY_ONE_N)
    .map((i) => ({ name: i.name, certPem: i.certPem, keepKeyPem: i.keyPem }));
  await renewRound(fresh.slice(0, 50), ca); // warm-up
  const batched: PerCert[] = [];
  const oneByOne: PerCert[] = [];
  const anew: PerCert[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    batched.push(await renewRound(fresh, ca));
    oneByOne.push(await renewRound(kept, ca));
    const t0 = performance.now();
    await issueBatch(nodeList(n), ca, { days: 90, engine: nodeLeafEngine });
    anew.push(perCert(performance.now() - t0, n));
  }
  const ms = (p: PerCert) => `${p.wall.toFixed(3)} ms/cert`;
  console.log(
    `for scale: renewing a cluster in process (renewLeaves on Node's engine, as certbench renew batch; best of ${ROUNDS}): ` +
      `${n} members with fresh keys, in batches ${ms(best(batched))}; ${ONE_BY_ONE_N} keeping their keys, one by one ${ms(best(oneByOne))}; ` +
      `issuing the ${n} nodes anew ${ms(best(anew))}`,
  );
}
