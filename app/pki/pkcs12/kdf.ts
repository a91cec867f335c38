/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), the one copy in the core: the
 * writer derives the HMAC-SHA256 key of a PFX's MacData with it (as OpenSSL 3 and Java 17 do;
 * the bags themselves use PBES2, see ../pbes2.ts), and the reader checks any file's MAC and
 * derives PKCS#12 PBES1 keys and IVs with it (../legacy/pkcs12-pbe.ts).
 *
 * The iterated hash runs synchronously on ../legacy's hashers, one compression a round: a
 * WebCrypto digest per round made a 1,000,000-iteration MAC take over 10 s; now it is about
 * 0.35 s with SHA-1 or SHA-256 in Node. Long runs pause every 65,536 rounds (../legacy/pause.ts).
 */
import { defaultCrypto } from '../crypto.ts';
import { PkiError } from '../errors.ts';
import { hasher, isHashName } from '../legacy/hashes.ts';
import { during, runInSlices, type Deadline } from '../legacy/pause.ts';

/** RFC 7292 B.3 diversifier: which kind of material the KDF produces. 3 is the MAC key. */
export const PKCS12_KDF_ID = { encryptionKey: 1, iv: 2, macKey: 3 } as const;

/**
 * The password as RFC 7292 B.1 wants it: a BMPString, i.e. big-endian UTF-16 code units (so a
 * character outside the BMP becomes a surrogate pair, as in Java's char[] and OpenSSL's
 * OPENSSL_utf82uni), followed by two zero bytes.
 */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}

/** `data` repeated to fill a multiple of `v` bytes (empty stays empty), per RFC 7292 B.2 steps 2 and 3. */
function stretch(data: Uint8Array, v: number): Uint8Array {
  const length = v * Math.ceil(data.length / v);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = data[i % data.length] ?? 0;
  return out;
}

export interface Pkcs12KdfParams {
  /** The password, already BMP-encoded (see bmpPassword). */
  password: Uint8Array;
  salt: Uint8Array;
  /** Purpose, see PKCS12_KDF_ID. */
  id: number;
  iterations: number;
  /** Bytes of output. */
  length: number;
  /** Digest name as WebCrypto spells it, or 'SHA-512/224', 'SHA-512/256', 'MD5'; SHA-256 by default. */
  hash?: string;
  /** Checked between slices of rounds; its `activity` names this derivation while it runs. */
  deadline?: Deadline;
  /** What is derived, for messages: "the MAC key", "the key of bag 2". */
  purpose?: string;
}

/**
 * Derive `length` bytes from a BMP password and salt with `hash`, iterated `iterations` times, for
 * the purpose `id`. `crypto` is unused (the hashing is synchronous) and kept so callers need not change.
 */
export async function pkcs12Kdf(
  params: Pkcs12KdfParams,
  _crypto: Crypto = defaultCrypto(),
): Promise<Uint8Array<ArrayBuffer>> {
  const {
    password: bmpPasswordBytes,
    salt,
    id,
    iterations,
    length,
    hash = 'SHA-256',
    deadline,
    purpose = 'the key',
  } = params;
  if (!isHashName(hash))
    throw new PkiError('unsupported-algorithm', 'hash', `The PKCS#12 KDF does not run on ${hash}.`);
  const h = hasher(hash);
  const u = h.outBytes;
  const v = h.blockBytes;
  const diversifier = new Uint8Array(v).fill(id);
  const s = stretch(salt, v);
  const p = stretch(bmpPasswordBytes, v);
  const input = new Uint8Array(s.length + p.length);
  input.set(s);
  input.set(p, s.length);

  const activity = `deriving ${purpose} (${iterations.toLocaleString('en')} iterations of ${hash})`;
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let a = h.reset().update(diversifier).update(input).digest();
    h.reset();
    const finished = await during(deadline, activity, () =>
      runInSlices(iterations - 1, (count) => (a = h.rehash(a, count)), deadline),
    );
    if (!finished)
      throw new PkiError('input-too-large', 'file', `Reading was stopped while ${activity}: the time budget ran out.`);
    out.set(a, block * u);
    if ((block + 1) * u >= length) break;
    // Step 6C: add B (A stretched to v bytes) plus one to every v-byte block of I, modulo 2^(8v).
    const b = stretch(a, v);
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (input[j + k] ?? 0) + (b[k] ?? 0) + carry;
        input[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.slice(0, length);
}
