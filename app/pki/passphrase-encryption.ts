/**
 * Bytes or JSON encrypted under a passphrase, for data certbench keeps at rest: the workspace
 * file (app/store/workspace-file.ts) and private keys in IndexedDB. PBES2 (RFC 8018 §6.2) with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, the scheme of encrypted PKCS#8 keys (./pbes2.ts), so a
 * sealed value is also readable with `openssl` from its two parts.
 *
 * A sealed value is plain JSON-safe text, so it crosses worker messages, IndexedDB and files as is:
 *   { encryption: base64 DER AlgorithmIdentifier (salt, iterations, PRF, IV inside),
 *     ciphertext: base64 }
 *
 * Contracts:
 * - Encrypting takes 1…10,000,000 PBKDF2 iterations, 600,000 by default (OWASP 2023); decrypting
 *   refuses a count above 10,000,000 before deriving (./legacy/iteration-limit.ts), so no stored
 *   value can stall a reader.
 * - A wrong passphrase is a PkiError 'wrong-password' on field 'password'. AES-CBC has no tag, so
 *   the CBC padding alone misses about one wrong passphrase in 256; decryptJson also refuses a
 *   plaintext that is not JSON, and decryptBytes a plaintext its `accept` check refuses.
 * - Damaged parts (not base64, not PBES2 DER) are a PkiError on `field` (default 'file').
 * - An empty passphrase is refused when encrypting: "encrypted with nothing" is not encrypted.
 */
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { MAX_PBKDF2_ITERATIONS } from './legacy/iteration-limit.ts';
import { DEFAULT_PBKDF2_ITERATIONS, pbes2Decrypt, pbes2Encrypt } from './pbes2.ts';
import { decodeBase64, encodeBase64 } from './pem.ts';

/** A value encrypted under a passphrase, in base64 text. */
export interface PassphraseSealed {
  /** The PBES2 AlgorithmIdentifier (RFC 8018 A.4) as base64 DER. */
  encryption: string;
  ciphertext: string;
}

export interface SealOptions {
  /** PBKDF2 iterations, 1…10,000,000; 600,000 by default. */
  iterations?: number;
  /** Fixed salt and IV (16 bytes each), for byte-for-byte tests only. */
  salt?: Uint8Array;
  iv?: Uint8Array;
}

export interface UnsealOptions {
  /** The field a damaged sealed value is reported on; 'file' by default. */
  field?: string;
  /** False when the plaintext cannot be what was sealed: a wrong passphrase whose padding passed. */
  accept?: (plain: Uint8Array) => boolean;
}

export { DEFAULT_PBKDF2_ITERATIONS as PASSPHRASE_ITERATIONS, MAX_PBKDF2_ITERATIONS as MAX_PASSPHRASE_ITERATIONS };

function wrongPassphrase(detail: string, cause?: unknown): PkiError {
  return new PkiError('wrong-password', 'password', `Wrong passphrase: ${detail}`, cause ? { cause } : undefined);
}

/** Encrypt `plain` under `passphrase`. */
export async function encryptBytes(
  plain: Uint8Array,
  passphrase: string,
  options: SealOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<PassphraseSealed> {
  if (!passphrase) throw new PkiError('invalid-argument', 'password', 'Enter a passphrase to encrypt with.');
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new PkiError(
      'invalid-argument',
      'iterations',
      `PBKDF2 iterations must be a whole number from 1 to ${MAX_PBKDF2_ITERATIONS.toLocaleString('en')}; got ${iterations}.`,
    );
  }
  const { algorithmDer, ciphertext } = await pbes2Encrypt(plain, passphrase, { ...options, iterations }, crypto);
  return {
    encryption: encodeBase64(new Uint8Array(algorithmDer)),
    ciphertext: encodeBase64(new Uint8Array(ciphertext)),
  };
}

/** The bytes sealed by encryptBytes; see the contracts above for the errors. */
export async function decryptBytes(
  sealed: PassphraseSealed,
  passphrase: string,
  options: UnsealOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<Uint8Array> {
  const field = options.field ?? 'file';
  const part = (b64: unknown, what: string): ArrayBuffer => {
    const bytes = typeof b64 === 'string' ? decodeBase64(b64) : undefined;
    if (!bytes)
      throw new PkiError('invalid-argument', field, `The encrypted data is damaged: its ${what} is not base64.`);
    return bytes;
  };
  const algorithm = part(sealed.encryption, 'encryption header');
  const ciphertext = part(sealed.ciphertext, 'ciphertext');
  if (!passphrase) throw new PkiError('wrong-password', 'password', 'This data is encrypted: enter its passphrase.');
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await pbes2Decrypt(algorithm, ciphertext, passphrase, crypto));
  } catch (e) {
    if (!(e instanceof PkiError)) throw e;
    if (e.code === 'wrong-password') throw wrongPassphrase('the data could not be decrypted with it.', e);
    // A damaged or foreign header is the sealed value's fault: report it on the caller's field.
    throw new PkiError(e.code, field, e.message, { cause: e });
  }
  if (options.accept && !options.accept(plain)) throw wrongPassphrase('what it decrypts to is not the data sealed.');
  return plain;
}

/** Encrypt `value` as JSON text under `passphrase`. */
export async function encryptJson(
  value: unknown,
  passphrase: string,
  options: SealOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<PassphraseSealed> {
  return encryptBytes(new TextEncoder().encode(JSON.stringify(value)), passphrase, options, crypto);
}

/** The JSON value sealed by encryptJson; a plaintext that is not JSON is a wrong passphrase. */
export async function decryptJson(
  sealed: PassphraseSealed,
  passphrase: string,
  options: Pick<UnsealOptions, 'field'> = {},
  crypto: Crypto = defaultCrypto(),
): Promise<unknown> {
  const plain = await decryptBytes(sealed, passphrase, options, crypto);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as unknown;
  } catch (e) {
    throw wrongPassphrase('the data could not be decrypted with it.', e);
  }
}
