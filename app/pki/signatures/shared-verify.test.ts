/**
 * Signature checks shared with helper threads (shared-verify.ts): the answers are the ones this
 * thread would give, whatever the helper does (answers, fails, answers short), the shares follow
 * the pairs' costs, and what a helper is sent owns its bytes. The pairs are the system CA bundle's
 * own certificates (each against itself, and against its neighbour), read by the reader's model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certFactsOfBuffer, type CertFacts } from '../model/cert-facts.ts';
import { pemDecodeAll } from '../pem.ts';
import type { SignaturePair } from './batch-verify.ts';
import { lanesByCost, MIN_SHARED, pairCost, sharedBatch, type VerifyHelper } from './shared-verify.ts';
import { signatureVerifier } from './verify-signature.ts';
import { classicVerifier } from './webcrypto-verify.ts';
import { createRootCa } from '../ca.ts';
import { defaultCrypto } from '../crypto.ts';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const certs: CertFacts[] = pemDecodeAll(readFileSync(SYSTEM_BUNDLE, 'utf8')).blocks.map((b) =>
  certFactsOfBuffer(b.der),
);

/** Each certificate against itself (true: they are roots), then every fifth against its neighbour (false). */
const pairs: SignaturePair[] = [
  ...certs.map((c) => ({ child: c, issuer: c })),
  ...certs.filter((_, i) => i % 5 === 0).map((c, i, all) => ({ child: c, issuer: all[(i + 1) % all.length]! })),
];

const local = () => signatureVerifier(globalThis.crypto);
const answersOf = (list: readonly SignaturePair[]) => Promise.all(list.map((p) => local().verify(p.child, p.issuer)));

/** A helper in this process: what it was sent, and how it answers. */
function helper(answer: 'checks' | 'fails' | 'short' | 'nulls' = 'checks') {
  const sent: SignaturePair[][] = [];
  const self: VerifyHelper = {
    async verify(share) {
      sent.push([...share]);
      if (answer === 'fails') throw new Error('the helper stopped');
      if (answer === 'nulls') return share.map(() => null);
      const got = await answersOf(share);
      return answer === 'short' ? got.slice(0, Math.floor(got.length / 2)) : got;
    },
  };
  return { self, sent };
}

describe('sharedBatch', () => {
  it('answers as this thread would, with the helper checking about half of the cost', async () => {
    const want = await answersOf(pairs);
    expect(want.filter((a) => a === true).length).toBeGreaterThanOrEqual(certs.length);
    expect(want).toContain(false);
    const h = helper();
    const got = await Promise.all(sharedBatch(local(), () => [h.self])(pairs));
    expect(got).toEqual(want);
    expect(h.sent).toHaveLength(1);
    const cost = (list: readonly SignaturePair[]) => list.reduce((t, p) => t + pairCost(p), 0);
    const share = cost(h.sent[0]!) / cost(pairs);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });

  it.each([
    { how: 'fails', says: 'fails' },
    { how: 'short', says: 'answers short' },
    { how: 'nulls', says: 'answers null' },
  ] as const)('checks here every pair a helper leaves unanswered when it $says', async ({ how }) => {
    const h = helper(how);
    const got = await Promise.all(sharedBatch(local(), () => [h.self])(pairs));
    expect(h.sent).toHaveLength(1);
    expect(got).toEqual(await answersOf(pairs));
  });

  it('sends a helper bytes of their own, not views of the DER they came from', async () => {
    const h = helper();
    await Promise.all(sharedBatch(local(), () => [h.self])(pairs));
    for (const { child, issuer } of h.sent[0]!)
      for (const bytes of [child.tbs, child.signature, issuer.spki])
        expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    // The originals are still views of their certificates' DER.
    expect(certs[0]!.tbs.byteLength).toBeLessThan(certs[0]!.tbs.buffer.byteLength);
  });

  it(`checks fewer than ${MIN_SHARED} pairs here, and everything here when no helper is ready`, async () => {
    const h = helper();
    const few = pairs.slice(0, MIN_SHARED - 1);
    expect(await Promise.all(sharedBatch(local(), () => [h.self])(few))).toEqual(await answersOf(few));
    expect(await Promise.all(sharedBatch(local(), () => [])(pairs))).toEqual(await answersOf(pairs));
    expect(h.sent).toHaveLength(0);
  });
});

describe('lanesByCost', () => {
  const pair = (kind: string, bits: number, signatureOid = '1.2.840.113549.1.1.11'): SignaturePair => {
    const facts = { ...certs[0]!, signatureOid, key: { kind, bits, oid: '' } } as unknown as CertFacts;
    return { child: facts, issuer: facts };
  };

  it('puts each pair in one lane, the lanes within one costliest pair of each other', () => {
    const mixed = [
      ...Array.from({ length: 30 }, () => pair('rsa', 2048)),
      ...Array.from({ length: 9 }, () => pair('ec', 384)),
      ...Array.from({ length: 3 }, () => pair('ec', 521)),
      ...Array.from({ length: 12 }, () => pair('ec', 256)),
    ];
    for (const helpers of [1, 2, 3]) {
      const lanes = lanesByCost(mixed, helpers);
      expect(lanes).toHaveLength(helpers + 1);
      expect(lanes.flat().sort((a, b) => a - b)).toEqual(mixed.map((_, i) => i));
      const loads = lanes.map((lane) => lane.reduce((t, i) => t + pairCost(mixed[i]!), 0));
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...mixed.map(pairCost)));
    }
  });

  it('keeps ML-DSA pairs on this thread (the helpers do not load its engine)', () => {
    const mlDsa = Array.from({ length: 20 }, () => pair('ml-dsa', 192, '2.16.840.1.101.3.4.3.18'));
    const lanes = lanesByCost([...mlDsa, ...Array.from({ length: 20 }, () => pair('rsa', 2048))], 1);
    expect(lanes[0]).toEqual(expect.arrayContaining(mlDsa.map((_, i) => i)));
    expect(lanes[1]!.every((i) => i >= mlDsa.length)).toBe(true);
  });

  it('costs a P-384 check as several RSA ones, and a P-521 check more', () => {
    expect(pairCost(pair('ec', 384))).toBeGreaterThan(4 * pairCost(pair('rsa', 2048)));
    expect(pairCost(pair('ec', 521))).toBeGreaterThan(pairCost(pair('ec', 384)));
  });
});

describe('classicVerifier (what a leaf helper checks with)', () => {
  it('answers as signatureVerifier does where it has the algorithm, else null (the pki worker then checks the pair)', async () => {
    const helperSide = classicVerifier(globalThis.crypto);
    const got = await Promise.all(pairs.map((p) => helperSide.verify(p.child, p.issuer)));
    const want = await answersOf(pairs);
    // Every certificate's own signature is checked there; a null is only ever for a pair that is not a signature.
    expect(got.slice(0, certs.length)).toEqual(want.slice(0, certs.length));
    got.forEach((answer, i) =>
      expect(answer === null ? want[i] !== true : answer === want[i], `${i} ${String(answer)} ${String(want[i])}`).toBe(
        true,
      ),
    );
    const root = await createRootCa({ subject: { commonName: 'PQ root' }, algorithm: 'mldsa65' });
    const pq = certFactsOfBuffer(pemDecodeAll(root.certPem).blocks[0]!.der);
    expect(await helperSide.verify(pq, pq)).toBeNull();
    // certbench's own ML-DSA engine (the runtime default routes to it) checks it on the pki worker.
    expect(await signatureVerifier(defaultCrypto()).verify(pq, pq)).toBe(true);
  });
});
