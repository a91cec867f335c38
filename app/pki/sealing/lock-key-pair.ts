/**
 * The key lock's ECDH P-256 key pair: made, opened with the passphrase, and put under a new one.
 * Why a key pair (app/pki/sealing/index.ts has the whole scheme): sealing needs only the public
 * key, so a key made while the workspace is locked is stored sealed without asking for the
 * passphrase. The private key is kept under the passphrase by a LockKeyWrapping the caller hands
 * in (PBES2 in the worker for the page, ./lock-key-wrap.ts directly in Node), so this file loads
 * no PBKDF2 and no X.509 library on the page.
 */
import type { PassphraseSealed } from '../passphrase-encryption.ts';
import { encodeBase64 } from '../pem.ts';
import { base64Bytes } from './base64-bytes.ts';
import { LOCK_CURVE } from './lock-curve.ts';
import { LOCK_FORMAT, type KeyLockHeader } from './stored-forms.ts';

export interface WrapLockKeyArgs {
  /** The lock's ECDH private key, PKCS#8 DER. */
  pkcs8: Uint8Array;
  passphrase: string;
  /** PBKDF2 iterations; the core's default (600,000) when absent. */
  iterations?: number;
}

export interface UnwrapLockKeyArgs {
  sealed: PassphraseSealed;
  passphrase: string;
}

/** Where the lock's private key is put under the passphrase and taken out (PBES2, ./lock-key-wrap.ts). */
export interface LockKeyWrapping {
  wrap(args: WrapLockKeyArgs): Promise<PassphraseSealed>;
  /** A wrong passphrase is the core's PkiError 'wrong-password' on field 'password'. */
  unwrap(args: UnwrapLockKeyArgs): Promise<Uint8Array>;
}

/** A new lock under `passphrase`; `privateKey` is the opened private key, ready for this session. */
export async function createLock(
  wrapping: LockKeyWrapping,
  passphrase: string,
  iterations: number | undefined,
  crypto: Crypto = globalThis.crypto,
): Promise<{ header: KeyLockHeader; privateKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey(LOCK_CURVE, true, ['deriveBits']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const header = await lockHeader(wrapping, publicKey, pkcs8, passphrase, iterations);
  return { header, privateKey: await importPrivate(pkcs8, crypto) };
}

async function lockHeader(
  wrapping: LockKeyWrapping,
  publicKey: Uint8Array,
  pkcs8: Uint8Array,
  passphrase: string,
  iterations: number | undefined,
): Promise<KeyLockHeader> {
  const privateKey = await wrapping.wrap({ pkcs8, passphrase, ...(iterations ? { iterations } : {}) });
  return { format: LOCK_FORMAT, version: 1, publicKey: encodeBase64(publicKey), privateKey };
}

function importPrivate(pkcs8: Uint8Array, crypto: Crypto): Promise<CryptoKey> {
  // Not extractable: once opened, the private key cannot be read back out of this session.
  return crypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8), LOCK_CURVE, false, ['deriveBits']);
}

/** The lock's private key for this session; throws 'wrong-password' for a wrong passphrase. */
export async function openLock(
  wrapping: LockKeyWrapping,
  header: KeyLockHeader,
  passphrase: string,
  crypto: Crypto = globalThis.crypto,
): Promise<CryptoKey> {
  return importPrivate(await wrapping.unwrap({ sealed: header.privateKey, passphrase }), crypto);
}

/** The same lock (same key pair, so every sealed item still opens) under a new passphrase. */
export async function rewrapLock(
  wrapping: LockKeyWrapping,
  header: KeyLockHeader,
  oldPassphrase: string,
  newPassphrase: string,
  iterations: number | undefined,
): Promise<KeyLockHeader> {
  const pkcs8 = await wrapping.unwrap({ sealed: header.privateKey, passphrase: oldPassphrase });
  return lockHeader(wrapping, base64Bytes(header.publicKey, 'publicKey'), pkcs8, newPassphrase, iterations);
}
