/**
 * Bounds on the iteration counts a file may ask for, so a hostile or mistaken count is refused
 * at once with its number instead of running into the time budget. 5,000,000 is Java's bound
 * for PKCS#12 MACs and PBE (sun/security/pkcs12/PKCS12KeyStore.java, MAX_ITERATION_COUNT);
 * a 5,000,000-round SHA-1 KDF takes about 1.8 s here. PBKDF2 through WebCrypto is native and
 * gets twice that.
 */
import { PkiError } from '../errors.ts';

export const MAX_PKCS12_ITERATIONS = 5_000_000;
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

/** Throw when `count` is not 1…`limit`: "MAC iteration count 10,000,000 exceeds the limit of 5,000,000." */
export function checkIterations(count: number, what: string, limit: number = MAX_PKCS12_ITERATIONS): void {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new PkiError('invalid-der', 'file', `The ${what} iteration count ${count} is not a positive whole number.`);
  }
  if (count > limit) {
    throw new PkiError(
      'input-too-large',
      'file',
      `${what} iteration count ${count.toLocaleString('en')} exceeds the limit of ${limit.toLocaleString('en')} certbench sets (as Java does) so that no file can stall it; re-export the file with fewer iterations.`,
    );
  }
}
