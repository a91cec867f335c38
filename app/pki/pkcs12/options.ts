/** Protection settings shared by keystores and truststores. */
import { PkiError } from '../errors.ts';

/**
 * OpenSSL 3 and Java 17 default to 10,000 for both the PBKDF2 of the bags and the MAC KDF. The
 * two counts move together: the MAC is itself a password-guessing oracle, so raising only the
 * bag iterations would add cost to nobody but the honest reader.
 */
export const DEFAULT_PKCS12_ITERATIONS = 10_000;
export const MIN_PKCS12_ITERATIONS = 10_000;
/** Java's PKCS12KeyStore refuses more than 5,000,000 iterations when loading. */
export const MAX_PKCS12_ITERATIONS = 5_000_000;

export interface Pkcs12Protection {
  /** Iterations of PBKDF2 (bags) and of the PKCS#12 MAC KDF; 10,000 by default. */
  iterations?: number;
  /**
   * Encrypt the certificate SafeContents (true by default, what OpenSSL 3 and Java 17 write) or
   * leave the certificates readable without the password (false; the MAC still covers them).
   */
  encryptCertificates?: boolean;
}

/**
 * True when Java 17 can use the password: printable ASCII only. Java derives both the PBES2 keys
 * and the MAC key through SunJCE's PBEKey, which refuses anything outside U+0020..U+007E
 * ("Password is not ASCII"), so keytool cannot even open a PKCS#12 file with such a password.
 */
export function javaCanUsePassword(password: string): boolean {
  return [...password].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) <= 0x7e);
}

/** The iteration count to use, checked: 10,000 by default, 10,000 to 5,000,000 when asked. */
export function iterationsOf(protection: Pkcs12Protection): number {
  const n = protection.iterations ?? DEFAULT_PKCS12_ITERATIONS;
  if (!Number.isInteger(n) || n < MIN_PKCS12_ITERATIONS || n > MAX_PKCS12_ITERATIONS) {
    throw new PkiError(
      'invalid-argument',
      'iterations',
      `Iterations must be a whole number from ${MIN_PKCS12_ITERATIONS.toLocaleString('en')} to ${MAX_PKCS12_ITERATIONS.toLocaleString('en')}, got ${n}.`,
    );
  }
  return n;
}
