/**
 * A Crypto that is `base` for everything but ML-DSA, which goes to the engine crypto.ts chose:
 * WebCrypto's own or the library. Keys made by the library are recognised wherever they go, so
 * an expanded-only private key (which WebCrypto cannot import: it has no seed) still signs.
 * Private keys in the both form are checked (RFC 9881 §6) and handed to WebCrypto as seeds.
 */
import { isLibraryKey, libraryMlDsa, seedFormPkcs8 } from './library-engine.ts';
import { mlDsaOfAlgorithm } from './params.ts';

export type MlDsaEngine = 'webcrypto' | 'library';

type Params = AlgorithmIdentifier & { context?: BufferSource };

function contextOf(algorithm: AlgorithmIdentifier): Uint8Array | undefined {
  const context = typeof algorithm === 'object' ? (algorithm as { context?: BufferSource }).context : undefined;
  if (context === undefined) return undefined;
  return ArrayBuffer.isView(context)
    ? new Uint8Array(context.buffer, context.byteOffset, context.byteLength)
    : new Uint8Array(context);
}

function bytesOf(data: BufferSource): Uint8Array {
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

/** `base` with ML-DSA routed to `engine()` (awaited on each ML-DSA call; crypto.ts memoises it). */
export function routedCrypto(base: Crypto, engine: () => Promise<MlDsaEngine>): Crypto {
  const b = base.subtle;
  const subtle = {
    async generateKey(algorithm: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) {
      const params = mlDsaOfAlgorithm(algorithm);
      if (!params) return b.generateKey(algorithm, extractable, usages);
      if ((await engine()) === 'webcrypto') return b.generateKey({ name: params.name }, extractable, usages);
      return libraryMlDsa.generateKey(params, extractable, usages, base);
    },
    async importKey(
      format: KeyFormat,
      data: BufferSource | JsonWebKey,
      algorithm: AlgorithmIdentifier,
      extractable: boolean,
      usages: KeyUsage[],
    ) {
      const params = mlDsaOfAlgorithm(algorithm);
      if (!params) return b.importKey(format as 'raw', data as BufferSource, algorithm, extractable, usages);
      if ((await engine()) === 'library') return libraryMlDsa.importKey(format, data, params, extractable, usages);
      if (format !== 'pkcs8')
        return b.importKey(format as 'raw', data as BufferSource, { name: params.name }, extractable, usages);
      const seedForm = await seedFormPkcs8(bytesOf(data as BufferSource), params);
      if (!seedForm) return libraryMlDsa.importKey(format, data, params, extractable, usages);
      return b.importKey('pkcs8', seedForm, { name: params.name }, extractable, usages);
    },
    async exportKey(format: KeyFormat, key: CryptoKey) {
      return isLibraryKey(key) ? libraryMlDsa.exportKey(format, key) : b.exportKey(format as 'raw', key);
    },
    async sign(algorithm: Params, key: CryptoKey, data: BufferSource) {
      return isLibraryKey(key) ? libraryMlDsa.sign(contextOf(algorithm), key, data) : b.sign(algorithm, key, data);
    },
    async verify(algorithm: Params, key: CryptoKey, signature: BufferSource, data: BufferSource) {
      return isLibraryKey(key)
        ? libraryMlDsa.verify(contextOf(algorithm), key, signature, data)
        : b.verify(algorithm, key, signature, data);
    },
    decrypt: b.decrypt.bind(b),
    deriveBits: b.deriveBits.bind(b),
    deriveKey: b.deriveKey.bind(b),
    digest: b.digest.bind(b),
    encrypt: b.encrypt.bind(b),
    unwrapKey: b.unwrapKey.bind(b),
    wrapKey: b.wrapKey.bind(b),
  };
  return {
    subtle: subtle as unknown as SubtleCrypto,
    getRandomValues: base.getRandomValues.bind(base),
    randomUUID: base.randomUUID.bind(base),
  };
}

/**
 * The public key of an ML-DSA private key, as a CryptoKey. WebCrypto has no call for it: its
 * keys go through JWK (whose "pub" member carries it), the library's keys answer directly
 * (an expanded-only key has no JWK form).
 */
export async function mlDsaPublicKeyOf(privateKey: CryptoKey, crypto: Crypto): Promise<CryptoKey> {
  if (isLibraryKey(privateKey)) return libraryMlDsa.publicKeyOf(privateKey);
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKey & { priv?: string };
  delete jwk.priv;
  jwk.key_ops = ['verify'];
  return crypto.subtle.importKey('jwk', jwk, { name: privateKey.algorithm.name }, true, ['verify']);
}
