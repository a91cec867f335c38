/**
 * Which of our key algorithms the runtime really runs, detected, never assumed: Ed25519 and ML-DSA
 * are only offered where a key can be made and used. Apart from keys.ts so the key type list (the
 * first call of every issuing view) loads no ASN.1 or X.509 code in the worker.
 */
import { KEY_ALGORITHMS, type KeyAlgorithm, type KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './runtime-crypto.ts';

const supportCache = new WeakMap<Crypto, Promise<KeyAlgorithmId[]>>();

async function canUse(a: KeyAlgorithm, crypto: Crypto): Promise<boolean> {
  try {
    const pair = (await crypto.subtle.generateKey(a.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
    const data = new Uint8Array([1, 2, 3]);
    const sig = await crypto.subtle.sign(a.sign, pair.privateKey, data);
    await crypto.subtle.exportKey('pkcs8', pair.privateKey);
    return await crypto.subtle.verify(a.sign, pair.publicKey, sig, data);
  } catch {
    return false;
  }
}

/**
 * The key algorithms this runtime can generate, sign with and export, in KEY_ALGORITHMS order.
 * RSA and the NIST curves are in every WebCrypto; Ed25519 and ML-DSA are probed (a real key, a
 * real signature): ML-DSA works on any Crypto from defaultCrypto()/withMlDsa, not on a bare one.
 * Cached per Crypto instance.
 */
export function supportedKeyAlgorithms(crypto: Crypto = defaultCrypto()): Promise<KeyAlgorithmId[]> {
  let found = supportCache.get(crypto);
  if (!found) {
    found = (async () => {
      const probed = new Map<KeyAlgorithm['family'], boolean>();
      for (const a of KEY_ALGORITHMS) {
        if (a.family !== 'ec' && a.family !== 'rsa' && !probed.has(a.family))
          probed.set(a.family, await canUse(a, crypto));
      }
      return KEY_ALGORITHMS.filter((a) => probed.get(a.family) ?? true).map((a) => a.id);
    })();
    supportCache.set(crypto, found);
  }
  return found;
}
