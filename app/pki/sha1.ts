/**
 * SHA-1 (FIPS 180-4) in plain TypeScript, synchronous, for key identifiers only (RFC 5280
 * §4.2.1.2 method 1 is defined over SHA-1; it names a key, it protects nothing). The batch hot
 * path uses it to save a WebCrypto round trip per certificate; tests check it against WebCrypto.
 * The compression itself is ./legacy/sha1.ts, which the PKCS#12 KDF runs.
 */
import { Sha1 } from './legacy/sha1.ts';

export function sha1(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Sha1().update(data).digest();
}
