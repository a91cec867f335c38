/**
 * The one place that picks the WebCrypto implementation. Every async core function takes a
 * `Crypto` as its last parameter, defaulting to `defaultCrypto()`, so tests can pass Node's
 * or @peculiar/webcrypto's.
 */
import { cryptoProvider } from '@peculiar/x509';
import { PkiError } from './errors.ts';

/** The runtime's WebCrypto, or a PkiError that says why there is none (insecure context). */
export function defaultCrypto(): Crypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) {
    throw new PkiError(
      'no-webcrypto',
      'crypto',
      'WebCrypto is not available here. Browsers only offer it in secure contexts: open certbench over https, from localhost, or from a file.',
    );
  }
  return c;
}

/** Make @peculiar/x509 use the same implementation as the caller. */
export function useCrypto(crypto: Crypto): Crypto {
  cryptoProvider.set(crypto);
  return crypto;
}
