/**
 * Benchmark section "issue": N = 100 and N = 1000 node certificates (P-256, a fresh key each,
 * 3 SANs, certificate and key as PEM) through `issueBatch`, next to the raw WebCrypto lower
 * bound measured in the same run: generate a key, sign once, export the key. Prints figures,
 * never fails on them. The general @peculiar/x509 path is measured too, for scale.
 */
import { createRootCa } from '../pki/ca.ts';
import { issueBatch } from '../pki/batch.ts';
import { issueLeaf } from '../pki/issue.ts';
import { loadIssuer } from '../pki/issuer.ts';
import { keyAlgorithm } from '../pki/keys.ts';

const SIZES = [100, 1000];
const ROUNDS = 3;
/** The general path is ten times slower; 100 certificates show its cost well enough. */
const GENERAL_N = 100;

function nodeList(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `node-${i} 10.${(i >> 8) & 255}.${i & 255}.1 node-${i}.cluster.example`,
  ).join('\n');
}

/** The floor: what any issuer must pay per certificate with WebCrypto. */
async function lowerBound(n: number, signingKey: CryptoKey): Promise<number> {
  const p256 = keyAlgorithm('p256');
  // About the size of a node certificate's TBS.
  const tbs = crypto.getRandomValues(new Uint8Array(420));
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const pair = (await crypto.subtle.generateKey(p256.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
    await crypto.subtle.sign(p256.sign, signingKey, tbs);
    await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  }
  return (performance.now() - start) / n;
}

async function batchPerCert(n: number, ca: Awaited<ReturnType<typeof createRootCa>>): Promise<number> {
  const text = nodeList(n);
  const start = performance.now();
  const r = await issueBatch(text, ca, { days: 90 });
  const ms = (performance.now() - start) / n;
  if (r.items.length !== n) throw new Error(`expected ${n} certificates, got ${r.items.length}`);
  return ms;
}

async function generalPerCert(n: number, ca: Awaited<ReturnType<typeof createRootCa>>): Promise<number> {
  const loaded = await loadIssuer(ca);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    await issueLeaf(
      { profile: 'node', commonName: `node-${i}`, sans: `10.0.${i & 255}.1 node-${i}.cluster.example`, days: 90 },
      loaded,
    );
  }
  return (performance.now() - start) / n;
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

export async function bench(): Promise<void> {
  const ca = await createRootCa({ subject: { commonName: 'Bench CA' }, algorithm: 'p256', days: 365 });
  const signingKey = (await loadIssuer(ca)).privateKey;
  // Warm up JIT and the WebCrypto thread pool so the first size is not penalised.
  await lowerBound(20, signingKey);
  await batchPerCert(20, ca);

  console.log('node certificates, P-256, fresh key each, 3 SANs, cert + key PEM');
  console.log(`best of ${ROUNDS} interleaved rounds (the machine is shared; the best round is the least disturbed)`);
  console.log('N      certbench/cert   lower bound/cert   ratio');
  for (const n of SIZES) {
    let floor = Infinity;
    let ours = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      floor = Math.min(floor, await lowerBound(n, signingKey));
      ours = Math.min(ours, await batchPerCert(n, ca));
    }
    console.log(
      `${String(n).padEnd(6)} ${fmt(ours).padEnd(16)} ${fmt(floor).padEnd(18)} ${(ours / floor).toFixed(2)}x`,
    );
  }
  const floor = await lowerBound(GENERAL_N, signingKey);
  const general = await generalPerCert(GENERAL_N, ca);
  console.log(
    `general @peculiar/x509 path, N=${GENERAL_N}: ${fmt(general)} per certificate (${(general / floor).toFixed(2)}x the lower bound)`,
  );
}
