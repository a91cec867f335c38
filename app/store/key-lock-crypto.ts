/**
 * The cryptography of the key lock: private keys sealed at rest in IndexedDB, opened with a
 * passphrase for the session. No state here; key-vault.ts holds the session's keys.
 *
 * Scheme (why not PBES2 per item: PBKDF2 at 600,000 iterations per item would make a 1,000-item
 * workspace take minutes to open and to save; why not one symmetric data key: a key made while the
 * workspace is locked, say a new root CA, must still be stored sealed without asking for the
 * passphrase, so sealing needs only a public key):
 * - The lock is an ECDH P-256 key pair. Its public key is stored as is; its private key (PKCS#8) is
 *   stored encrypted under the passphrase with PBES2 (PBKDF2-HMAC-SHA256, 600,000 iterations,
 *   AES-256-CBC: app/pki/passphrase-encryption.ts, the workspace file's scheme). One PBKDF2 run per
 *   unlock, one per passphrase change; nothing else derives from the passphrase.
 * - A write seals its items under a fresh ephemeral ECDH key: ECDH with the lock's public key,
 *   HKDF-SHA256 (RFC 5869) to an AES-256-GCM key, then per item a random 96-bit IV and the item id
 *   as additional data, so a sealed key moved onto another record does not open. Opening derives
 *   once per ephemeral key (once per write batch), then one AES-GCM decryption per item.
 */
import type { PassphraseSealed } from '../pki/index.ts';
import type { UnwrapLockKeyArgs, WrapLockKeyArgs } from './key-lock-wrap.ts';

/** What is stored of the lock: the record with id LOCK_RECORD_ID. */
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

export const LOCK_FORMAT = 'certbench-key-lock';
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const HKDF_INFO = new TextEncoder().encode('certbench key lock v1: item secrets, AES-256-GCM');

type Bytes = Uint8Array<ArrayBuffer>;

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function fromBase64(text: string): Bytes {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Where the lock's private key is put under the passphrase and taken out (PBES2, key-lock-wrap.ts). */
export interface LockKeyWrapping {
  wrap(args: WrapLockKeyArgs): Promise<PassphraseSealed>;
  unwrap(args: UnwrapLockKeyArgs): Promise<Uint8Array>;
}

/**
 * Set by whoever runs the store: the page hands in the worker's (app/features/lock/worker-wrapping.ts),
 * tests the functions of key-lock-wrap.ts. No default, so the page's build holds no path to the core.
 */
let wrapping: LockKeyWrapping | undefined;

/** Use `w` for every later wrap and unwrap. */
export function setLockKeyWrapping(w: LockKeyWrapping): void {
  wrapping = w;
}

function wrapper(): LockKeyWrapping {
  if (!wrapping)
    throw new Error('The key lock cannot reach its passphrase encryption (setLockKeyWrapping was not called).');
  return wrapping;
}

/** A new lock under `passphrase`; `privateKey` is the opened private key, ready for this session. */
export async function createLock(
  passphrase: string,
  iterations: number | undefined,
  crypto: Crypto = globalThis.crypto,
): Promise<{ header: KeyLockHeader; privateKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const header = await lockHeader(publicKey, pkcs8, passphrase, iterations);
  return { header, privateKey: await importPrivate(pkcs8, crypto) };
}

async function lockHeader(
  publicKey: Uint8Array,
  pkcs8: Uint8Array,
  passphrase: string,
  iterations: number | undefined,
): Promise<KeyLockHeader> {
  const privateKey = await wrapper().wrap({ pkcs8, passphrase, ...(iterations ? { iterations } : {}) });
  return { format: LOCK_FORMAT, version: 1, publicKey: toBase64(publicKey), privateKey };
}

function importPrivate(pkcs8: Uint8Array, crypto: Crypto): Promise<CryptoKey> {
  // Not extractable: once opened, the private key cannot be read back out of this session.
  return crypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8), CURVE, false, ['deriveBits']);
}

/**
 * The lock's private key as PKCS#8, decrypted with `passphrase`. A wrong passphrase is the core's
 * PkiError 'wrong-password' on field 'password'.
 */
function openPkcs8(header: KeyLockHeader, passphrase: string): Promise<Uint8Array> {
  return wrapper().unwrap({ sealed: header.privateKey, passphrase });
}

/** The lock's private key for this session; throws 'wrong-password' for a wrong passphrase. */
export async function openLock(
  header: KeyLockHeader,
  passphrase: string,
  crypto: Crypto = globalThis.crypto,
): Promise<CryptoKey> {
  return importPrivate(await openPkcs8(header, passphrase), crypto);
}

/** The same lock (same key pair, so every sealed item still opens) under a new passphrase. */
export async function rewrapLock(
  header: KeyLockHeader,
  oldPassphrase: string,
  newPassphrase: string,
  iterations: number | undefined,
): Promise<KeyLockHeader> {
  const pkcs8 = await openPkcs8(header, oldPassphrase);
  return lockHeader(fromBase64(header.publicKey), pkcs8, newPassphrase, iterations);
}

async function gcmKey(
  privateKey: CryptoKey,
  publicRaw: Uint8Array,
  epkRaw: Uint8Array,
  crypto: Crypto,
): Promise<CryptoKey> {
  const peer = await crypto.subtle.importKey('raw', new Uint8Array(publicRaw), CURVE, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(epkRaw), info: HKDF_INFO },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals the secrets of one write batch: one ephemeral key for the batch, one IV per item. */
export async function batchSealer(
  header: KeyLockHeader,
  crypto: Crypto = globalThis.crypto,
): Promise<(id: string, secrets: ItemSecrets) => Promise<SealedSecrets>> {
  const ephemeral = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const epkRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const key = await gcmKey(ephemeral.privateKey, fromBase64(header.publicKey), epkRaw, crypto);
  const epk = toBase64(epkRaw);
  return async (id, secrets) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(secrets));
    const additionalData = new TextEncoder().encode(id);
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain);
    return { epk, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
  };
}

/**
 * Opens sealed secrets with the lock's private key, deriving each batch's AES key once. Throws
 * when a sealed value was damaged or moved to another item (AES-GCM's tag fails).
 */
export function secretsOpener(
  privateKey: CryptoKey,
  crypto: Crypto = globalThis.crypto,
): (id: string, sealed: SealedSecrets) => Promise<ItemSecrets> {
  const keys = new Map<string, Promise<CryptoKey>>();
  return async (id, sealed) => {
    let key = keys.get(sealed.epk);
    if (!key) {
      const epkRaw = fromBase64(sealed.epk);
      key = gcmKey(privateKey, epkRaw, epkRaw, crypto);
      keys.set(sealed.epk, key);
    }
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(id) },
      await key,
      fromBase64(sealed.ciphertext),
    );
    const value = JSON.parse(new TextDecoder().decode(plain)) as ItemSecrets;
    const secrets: ItemSecrets = {};
    if (typeof value.keyPem === 'string') secrets.keyPem = value.keyPem;
    if (typeof value.pem === 'string') secrets.pem = value.pem;
    return secrets;
  };
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
