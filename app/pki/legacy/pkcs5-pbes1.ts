/**
 * PKCS#5 PBES1 (RFC 8018 §6.1): PBKDF1 over MD5 or SHA-1 gives 16 bytes, the DES or RC2 key
 * (8 bytes; RC2 with 64 effective bits) and the CBC IV. `openssl pkcs8 -topk8 -v1 PBE-MD5-DES`
 * and old Java and .NET tools wrote these.
 */
import type { BlockCipher } from './block-cipher.ts';
import { cbcDecrypt } from './cbc.ts';
import { Des } from './des.ts';
import type { HashName } from './hashes.ts';
import { checkIterations } from './iteration-limit.ts';
import { during, type Deadline } from './pause.ts';
import type { PbeParams } from './pbe-params.ts';
import { pbkdf1 } from './pbkdf1.ts';
import { Rc2 } from './rc2.ts';
import { PkiError } from '../errors.ts';

interface Pbes1Scheme {
  name: string;
  hash: HashName;
  block: (key: Uint8Array) => BlockCipher;
}

export const PKCS5_PBES1_SCHEMES: Record<string, Pbes1Scheme> = {
  '1.2.840.113549.1.5.3': { name: 'PBE-MD5-DES', hash: 'MD5', block: (k) => new Des(k) },
  '1.2.840.113549.1.5.6': { name: 'PBE-MD5-RC2-64', hash: 'MD5', block: (k) => new Rc2(k, 64) },
  '1.2.840.113549.1.5.10': { name: 'PBE-SHA1-DES', hash: 'SHA-1', block: (k) => new Des(k) },
  '1.2.840.113549.1.5.11': { name: 'PBE-SHA1-RC2-64', hash: 'SHA-1', block: (k) => new Rc2(k, 64) },
};

/** Decrypt with a PBES1 scheme; null when the CBC padding is wrong (a wrong password). */
export async function pbes1Decrypt(
  scheme: Pbes1Scheme,
  params: PbeParams,
  data: Uint8Array,
  password: Uint8Array,
  deadline?: Deadline,
): Promise<Uint8Array<ArrayBuffer> | null> {
  checkIterations(params.iterations, scheme.name);
  const activity = `deriving the ${scheme.name} key (${params.iterations.toLocaleString('en')} iterations of ${scheme.hash})`;
  const dk = await during(deadline, activity, () =>
    pbkdf1(scheme.hash, password, params.salt, params.iterations, 16, deadline),
  );
  if (!dk)
    throw new PkiError('input-too-large', 'file', `Reading was stopped while ${activity}: the time budget ran out.`);
  return cbcDecrypt(scheme.block(dk.subarray(0, 8)), dk.subarray(8, 16), data);
}
