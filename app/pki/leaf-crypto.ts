/**
 * The Crypto the batch fast path calls per leaf. The runtime default (defaultCrypto: withMlDsa
 * over globalThis.crypto, runtime-crypto.ts) routes ML-DSA to its engine and hands every other
 * call to globalThis.crypto.subtle unchanged, each through an async wrapper of its own
 * (ml-dsa/routed-crypto.ts). A leaf makes three calls (generate, export, sign): in a Chromium
 * worker the wrappers cost 0.5-0.6 ms per 100 leaves (100 leaves, 16 in flight, direct against
 * wrapped, alternated: best 9.1 against 9.7 ms, lower quartile 9.9 against 10.4 ms).
 */
import { withMlDsa } from './runtime-crypto.ts';
import { mlDsaOfAlgorithm } from './ml-dsa/params.ts';

/**
 * globalThis.crypto itself when `crypto` is the runtime default and no key or algorithm of the
 * batch is ML-DSA (the router would pass each call straight through); `crypto` otherwise, so a
 * test's Crypto, or any ML-DSA leaf or issuer, is used as given.
 */
export function leafCrypto(crypto: Crypto, algorithms: readonly (AlgorithmIdentifier | KeyAlgorithm)[]): Crypto {
  const runtime = (globalThis as { crypto?: Crypto }).crypto;
  if (!runtime?.subtle || runtime === crypto || algorithms.some((a) => mlDsaOfAlgorithm(a))) return crypto;
  return crypto === withMlDsa(runtime) ? runtime : crypto;
}
