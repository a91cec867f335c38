/**
 * PKCS#12 PBES1 (RFC 7292 Appendix C): key and IV from the PKCS#12 KDF over SHA-1 (B.2, IDs 1
 * and 2) on the BMP password, then 3DES-CBC, RC2-CBC or RC4. These are what OpenSSL ≤ 1.1
 * (3DES keys, RC2-40 certificates), Java 8, Windows, NSS and GnuTLS wrote.
 */
import { PKCS12_KDF_ID, pkcs12Kdf } from '../pkcs12/kdf.ts';
import type { BlockCipher } from './block-cipher.ts';
import { cbcDecrypt } from './cbc.ts';
import { TripleDes } from './des.ts';
import { checkIterations } from './iteration-limit.ts';
import type { Deadline } from './pause.ts';
import type { PbeParams } from './pbe-params.ts';
import { Rc2 } from './rc2.ts';
import { rc4 } from './rc4.ts';

interface Pkcs12PbeScheme {
  name: string;
  keyBytes: number;
  /** The block cipher for a derived key; absent for RC4, a stream cipher with no IV. */
  block?: (key: Uint8Array) => BlockCipher;
}

export const PKCS12_PBE_SCHEMES: Record<string, Pkcs12PbeScheme> = {
  '1.2.840.113549.1.12.1.1': { name: 'PBE-SHA1-RC4-128', keyBytes: 16 },
  '1.2.840.113549.1.12.1.2': { name: 'PBE-SHA1-RC4-40', keyBytes: 5 },
  '1.2.840.113549.1.12.1.3': { name: 'PBE-SHA1-3DES', keyBytes: 24, block: (k) => new TripleDes(k) },
  '1.2.840.113549.1.12.1.4': { name: 'PBE-SHA1-2DES', keyBytes: 16, block: (k) => new TripleDes(k) },
  '1.2.840.113549.1.12.1.5': { name: 'PBE-SHA1-RC2-128', keyBytes: 16, block: (k) => new Rc2(k, 128) },
  '1.2.840.113549.1.12.1.6': { name: 'PBE-SHA1-RC2-40', keyBytes: 5, block: (k) => new Rc2(k, 40) },
};

/**
 * Decrypt with a PKCS#12 PBES1 scheme. null when the CBC padding is wrong, the sign of a wrong
 * password (RC4 has none: its callers check the plaintext's shape).
 */
export async function pkcs12PbeDecrypt(
  scheme: Pkcs12PbeScheme,
  params: PbeParams,
  data: Uint8Array,
  bmpPassword: Uint8Array,
  deadline?: Deadline,
): Promise<Uint8Array<ArrayBuffer> | null> {
  checkIterations(params.iterations, `${scheme.name}`);
  const derive = (id: number, length: number) =>
    pkcs12Kdf({
      password: bmpPassword,
      salt: params.salt,
      id,
      iterations: params.iterations,
      length,
      hash: 'SHA-1',
      deadline,
      purpose: `the ${scheme.name} key`,
    });
  const key = await derive(PKCS12_KDF_ID.encryptionKey, scheme.keyBytes);
  if (!scheme.block) return rc4(key, data);
  const iv = await derive(PKCS12_KDF_ID.iv, 8);
  return cbcDecrypt(scheme.block(key), iv, data);
}
