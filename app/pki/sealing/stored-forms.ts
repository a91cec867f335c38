/**
 * What the key lock stores, as plain JSON-safe values, and the checks that read them back: the
 * lock's own record (KeyLockHeader) and an item's sealed secrets (SealedSecrets). A value that is
 * not one (damaged, or from a newer certbench) reads as undefined, never as a half-filled object.
 */
import type { PassphraseSealed } from '../passphrase-encryption.ts';

export const LOCK_FORMAT = 'certbench-key-lock';

/** The lock as stored: its ECDH P-256 public key, and its private key under the passphrase. */
export interface KeyLockHeader {
  format: typeof LOCK_FORMAT;
  version: 1;
  /** The lock's ECDH P-256 public key, base64 of the uncompressed point. */
  publicKey: string;
  /** The lock's private key (PKCS#8 DER) encrypted under the passphrase (PBES2). */
  privateKey: PassphraseSealed;
}

/** A record's secrets, sealed: what replaces `keyPem` (and a key item's `pem`) at rest. */
export interface SealedSecrets {
  /** The write batch's ephemeral ECDH public key, base64 of the uncompressed point. */
  epk: string;
  iv: string;
  ciphertext: string;
}

/** The secret fields of a workspace item. */
export interface ItemSecrets {
  keyPem?: string;
  /** A key item's PEM (its `pem` is the private key). */
  pem?: string;
}

/** A stored header, checked; undefined when the value is not one. */
export function parseLockHeader(value: unknown): KeyLockHeader | undefined {
  const h = value as Partial<KeyLockHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== LOCK_FORMAT || h.version !== 1) return undefined;
  if (typeof h.publicKey !== 'string' || !h.privateKey || typeof h.privateKey !== 'object') return undefined;
  if (typeof h.privateKey.encryption !== 'string' || typeof h.privateKey.ciphertext !== 'string') return undefined;
  return { format: LOCK_FORMAT, version: 1, publicKey: h.publicKey, privateKey: h.privateKey };
}

/** Sealed secrets read from a record, checked; undefined when the value is not one. */
export function parseSealedSecrets(value: unknown): SealedSecrets | undefined {
  const s = value as Partial<SealedSecrets> | null;
  if (!s || typeof s !== 'object') return undefined;
  if (typeof s.epk !== 'string' || typeof s.iv !== 'string' || typeof s.ciphertext !== 'string') return undefined;
  return { epk: s.epk, iv: s.iv, ciphertext: s.ciphertext };
}
