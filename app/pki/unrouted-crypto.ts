/**
 * The Crypto to call on hot paths that make many WebCrypto calls: the batch fast path per leaf
 * (leaf-template.ts) and the signature checks (signatures/verify-signature.ts). The runtime
 * default (defaultCrypto: withMlDsa over globalThis.crypto, runtime-crypto.ts) routes ML-DSA to
 * its engine and hands every other call to globalThis.crypto.subtle unchanged, each through an
 * async wrapper of its own (ml-dsa/routed-crypto.ts). A leaf makes three calls (generate,
 * export, sign): in a Chromium worker the wrappers cost 0.5-0.6 ms per 100 leaves (100 leaves,
 * 16 in flight, direct against wrapped, alternated: best 9.1 against 9.7 ms, lower quartile 9.9
 * against 10.4 ms); a CA bundle's checks make 144 imports and 144 verifications.
 */
import { withMlDsa } from './runtime-crypto.ts';
import { mlDsaOfAlgorithm } from './ml-dsa/params.ts';

/**
 * globalThis.crypto itself when `crypto` is the runtime default and no key or algorithm of the
 * calls is ML-DSA (the router would pass each call straight through); `crypto` otherwise, so a
 * test's Crypto, or any ML-DSA key or signature, is used as given.
 */
export function unroutedCrypto(crypto: Crypto, algorithms: readonly (AlgorithmIdentifier | KeyAlgorithm)[]): Crypto {
  const runtime = (globalThis as { crypto?: Crypto }).crypto;
  if (!runtime?.subtle || runtime === crypto || algorithms.some((a) => mlDsaOfAlgorithm(a))) return crypto;
  return crypto === withMlDsa(runtime) ? runtime : crypto;
}
