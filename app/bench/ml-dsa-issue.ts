/**
 * ML-DSA-65 issuance per certificate through the general path (a fresh ML-DSA-65 key, an
 * ML-DSA-65 signature by an ML-DSA-65 CA, certificate and PKCS#8 as PEM), for one Crypto: the
 * bench runs it in Node (the library) and in Chromium (WebCrypto and the library side by side).
 */
import { createRootCa, issueLeaf, loadIssuer } from '../pki/index.ts';

/**
 * Milliseconds per certificate: the best of `rounds` rounds of `n` leaves, after one warm-up leaf
 * (the best round, because the machine is shared and a busy neighbour only ever adds time).
 */
export async function mlDsaIssuanceMs(crypto: Crypto, n: number, rounds = 3): Promise<number> {
  const ca = await createRootCa({ subject: { commonName: 'bench ML-DSA-65 CA' }, algorithm: 'mldsa65' }, crypto);
  const issuer = await loadIssuer(ca, crypto);
  const leaf = (i: number) =>
    issueLeaf(
      {
        profile: 'node',
        commonName: `node-${i}`,
        sans: `node-${i}.cluster.example 10.0.0.${i & 255}`,
        algorithm: 'mldsa65',
        days: 90,
      },
      issuer,
      crypto,
    );
  await leaf(0);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 1; i <= n; i++) await leaf(i);
    best = Math.min(best, (performance.now() - start) / n);
  }
  return best;
}
