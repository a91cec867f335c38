/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), the one copy in the core: the
 * writer derives the HMAC-SHA256 key of a PFX's MacData with it (as OpenSSL 3 and Java 17 do;
 * the bags themselves use PBES2, see ../pbes2.ts), and the reader checks any file's MAC with it.
 */
import { defaultCrypto } from '../crypto.ts';
import { PkiError } from '../errors.ts';

/** RFC 7292 B.3 diversifier: which kind of material the KDF produces. 3 is the MAC key. */
export const PKCS12_KDF_ID = { encryptionKey: 1, iv: 2, macKey: 3 } as const;

/** Digest lengths (u) and block sizes (v) in bytes of the hashes the KDF may run on. */
const HASH_SIZES: Record<string, { u: number; v: number }> = {
  'SHA-1': { u: 20, v: 64 },
  'SHA-224': { u: 28, v: 64 },
  'SHA-256': { u: 32, v: 64 },
  'SHA-384': { u: 48, v: 128 },
  'SHA-512': { u: 64, v: 128 },
};

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
  /** WebCrypto digest name; SHA-256 by default. */
  hash?: string;
  /** Checked every 1024 rounds: each round is a WebCrypto round trip, so a huge count in a hostile file must be stoppable. */
  deadline?: { expired: boolean };
}

/** Derive `length` bytes from a BMP password and salt with `hash`, iterated `iterations` times, for the purpose `id`. */
export async function pkcs12Kdf(params: Pkcs12KdfParams, crypto: Crypto = defaultCrypto()): Promise<Uint8Array<ArrayBuffer>> {
  const { password: bmpPasswordBytes, salt, id, iterations, length, hash = 'SHA-256', deadline } = params;
  const sizes = HASH_SIZES[hash];
  if (!sizes) throw new PkiError('unsupported-algorithm', 'hash', `The PKCS#12 KDF does not run on ${hash}.`);
  const { u, v } = sizes;
  const diversifier = new Uint8Array(v).fill(id);
  const s = stretch(salt, v);
  const p = stretch(bmpPasswordBytes, v);
  const input = new Uint8Array(s.length + p.length);
  input.set(s);
  input.set(p, s.length);

  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let a = new Uint8Array(diversifier.length + input.length);
    a.set(diversifier);
    a.set(input, diversifier.length);
    for (let r = 0; r < iterations; r++) {
      if ((r & 1023) === 1023 && deadline?.expired) {
        throw new PkiError('input-too-large', 'file', "Deriving this PKCS#12 file's key was stopped: the time budget ran out.");
      }
      a = new Uint8Array(await crypto.subtle.digest(hash, a));
    }
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
