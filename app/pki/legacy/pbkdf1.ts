/**
 * PBKDF1 (RFC 8018 §5.1) for PKCS#5 PBES1: T1 = H(P ‖ S), Ti = H(Ti−1), output the first
 * `length` bytes of Tc. PBES1 takes 16 bytes: the DES or RC2 key, then the IV (§6.1.1).
 */
import { hasher, type HashName } from './hashes.ts';
import { runInSlices, type Deadline } from './pause.ts';

export async function pbkdf1(
  hash: HashName,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number,
  deadline?: Deadline,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const h = hasher(hash);
  if (length > h.outBytes) throw new RangeError(`PBKDF1 with ${hash} gives at most ${h.outBytes} bytes.`);
  let t = h.update(password).update(salt).digest();
  h.reset();
  const finished = await runInSlices(iterations - 1, (count) => (t = h.rehash(t, count)), deadline);
  return finished ? t.slice(0, length) : null;
}
