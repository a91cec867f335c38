/**
 * Sealing and opening items' secrets under the key lock. A write seals its items under a fresh
 * ephemeral ECDH key: ECDH with the lock's public key, HKDF-SHA256 (RFC 5869) to an AES-256-GCM
 * key, then per item a random 96-bit IV and the item id as additional data, so a sealed value
 * moved onto another record does not open. Opening derives once per ephemeral key (once per write
 * batch), then one AES-GCM decryption per item.
 */
import { encodeBase64 } from '../pem.ts';
import { base64Bytes } from './base64-bytes.ts';
import { LOCK_CURVE } from './lock-curve.ts';
import type { ItemSecrets, KeyLockHeader, SealedSecrets } from './stored-forms.ts';

const HKDF_INFO = new TextEncoder().encode('certbench key lock v1: item secrets, AES-256-GCM');

async function gcmKey(
  privateKey: CryptoKey,
  publicRaw: Uint8Array<ArrayBuffer>,
  epkRaw: Uint8Array<ArrayBuffer>,
  crypto: Crypto,
): Promise<CryptoKey> {
  const peer = await crypto.subtle.importKey('raw', publicRaw, LOCK_CURVE, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: HKDF_INFO },
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
  const ephemeral = await crypto.subtle.generateKey(LOCK_CURVE, false, ['deriveBits']);
  const epkRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const key = await gcmKey(ephemeral.privateKey, base64Bytes(header.publicKey, 'publicKey'), epkRaw, crypto);
  const epk = encodeBase64(epkRaw);
  return async (id, secrets) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(secrets));
    const additionalData = new TextEncoder().encode(id);
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain);
    return { epk, iv: encodeBase64(iv), ciphertext: encodeBase64(new Uint8Array(ciphertext)) };
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
      const epkRaw = base64Bytes(sealed.epk, 'epk');
      key = gcmKey(privateKey, epkRaw, epkRaw, crypto);
      keys.set(sealed.epk, key);
    }
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64Bytes(sealed.iv, 'iv'), additionalData: new TextEncoder().encode(id) },
      await key,
      base64Bytes(sealed.ciphertext, 'ciphertext'),
    );
    const value = JSON.parse(new TextDecoder().decode(plain)) as ItemSecrets;
    const secrets: ItemSecrets = {};
    if (typeof value.keyPem === 'string') secrets.keyPem = value.keyPem;
    if (typeof value.pem === 'string') secrets.pem = value.pem;
    return secrets;
  };
}
