/**
 * PBKDF2 (RFC 8018 §5.2) over the synchronous HMAC, for the PRFs WebCrypto's PBKDF2 lacks.
 * Where WebCrypto has the PRF (HMAC-SHA-1/256/384/512), ../pbes2.ts uses it instead.
 */
import type { HashName } from './hashes.ts';
import { Hmac } from './hmac.ts';
import { runInSlices, type Deadline } from './pause.ts';

/** DK = T1 ‖ T2 ‖ …, Ti = U1 ⊕ … ⊕ Uc with U1 = PRF(P, S ‖ INT(i)), Uj = PRF(P, Uj−1). null when the deadline stopped it. */
export async function pbkdf2(
  hash: HashName,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number,
  deadline?: Deadline,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const prf = new Hmac(hash, password);
  const out = new Uint8Array(length);
  for (let block = 1, at = 0; at < length; block++, at += prf.outBytes) {
    const first = new Uint8Array(salt.length + 4);
    first.set(salt);
    new DataView(first.buffer).setUint32(salt.length, block);
    let u = prf.mac(first);
    const t = u.slice();
    const finished = await runInSlices(
      iterations - 1,
      (count) => {
        for (let j = 0; j < count; j++) {
          u = prf.mac(u);
          for (let k = 0; k < t.length; k++) t[k]! ^= u[k]!;
        }
      },
      deadline,
    );
    if (!finished) return null;
    out.set(t.subarray(0, Math.min(t.length, length - at)), at);
  }
  return out;
}
