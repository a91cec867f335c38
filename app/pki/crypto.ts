/**
 * The WebCrypto implementation every core function uses (runtime-crypto.ts picks it, with ML-DSA)
 * and the bridge that makes @peculiar/x509 use the same one. Code that needs no x509 imports
 * runtime-crypto.ts directly and so does not load the library.
 */
import { cryptoProvider } from '@peculiar/x509';

export { defaultCrypto, mlDsaEngine, withMlDsa, type MlDsaEngine } from './runtime-crypto.ts';

/** Make @peculiar/x509 use the same implementation as the caller. */
export function bindX509Crypto(crypto: Crypto): Crypto {
  cryptoProvider.set(crypto);
  return crypto;
}
