/**
 * ML-DSA through @noble/post-quantum, shaped like WebCrypto's ML-DSA (WICG "Modern Algorithms in
 * the Web Cryptography API": names "ML-DSA-44/65/87", formats spki, pkcs8, raw-public, raw-seed,
 * jwk with kty "AKP"), for runtimes whose WebCrypto has none (Node 20, most browsers today).
 * Keys are CryptoKey look-alikes; their bytes live in a WeakMap, never on the object.
 * The library is loaded on first use, so a browser with native ML-DSA never fetches it.
 */
import { PkiError } from '../errors.ts';
import { mlDsaPkcs8, mlDsaPkcs8Of, mlDsaSpki, parseMlDsaPkcs8, parseMlDsaSpki } from './encodings.ts';
import { ML_DSA_SEED_BYTES, type MlDsaParams } from './params.ts';

interface Material {
  params: MlDsaParams;
  publicKey: Uint8Array;
  /** Private keys only: the seed when known (seed and both forms) ... */
  seed?: Uint8Array;
  /** ... and always the expanded key the library signs with. */
  expandedKey?: Uint8Array;
}

const material = new WeakMap<CryptoKey, Material>();

/** A JWK of key type "AKP" (draft-ietf-cose-dilithium): `pub` the raw public key, `priv` the seed. */
type AkpJwk = JsonWebKey & { pub?: string; priv?: string };

/** Whether a key was made by this engine (the router sends its operations here whatever the engine choice). */
export function isLibraryKey(key: CryptoKey): boolean {
  return material.has(key);
}

type Noble = typeof import('@noble/post-quantum/ml-dsa.js');
let nobleModule: Promise<Noble> | undefined;
function noble(): Promise<Noble> {
  nobleModule ??= import('@noble/post-quantum/ml-dsa.js');
  return nobleModule;
}

async function dsa(params: MlDsaParams) {
  const m = await noble();
  return params.name === 'ML-DSA-44' ? m.ml_dsa44 : params.name === 'ML-DSA-65' ? m.ml_dsa65 : m.ml_dsa87;
}

function fail(name: 'DataError' | 'InvalidAccessError' | 'NotSupportedError' | 'SyntaxError', message: string): never {
  throw new DOMException(message, name);
}

function bytesOf(data: BufferSource): Uint8Array {
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function makeKey(type: KeyType, m: Material, extractable: boolean, usages: readonly KeyUsage[]): CryptoKey {
  const allowed: KeyUsage = type === 'private' ? 'sign' : 'verify';
  const bad = usages.filter((u) => u !== allowed);
  if (bad.length) fail('SyntaxError', `${m.params.name} ${type} keys cannot be used to ${bad.join(', ')}.`);
  const key = Object.freeze({
    type,
    extractable,
    algorithm: Object.freeze({ name: m.params.name }),
    usages: [...usages],
  }) as unknown as CryptoKey;
  material.set(key, m);
  return key;
}

function materialOf(key: CryptoKey): Material {
  const m = material.get(key);
  if (!m) fail('InvalidAccessError', 'This key was not made by the ML-DSA library engine.');
  return m;
}

async function fromSeed(params: MlDsaParams, seed: Uint8Array): Promise<Material> {
  if (seed.length !== ML_DSA_SEED_BYTES)
    fail('DataError', `An ML-DSA seed is ${ML_DSA_SEED_BYTES} bytes, not ${seed.length}.`);
  const { publicKey, secretKey } = (await dsa(params)).keygen(seed);
  return { params, publicKey, seed: seed.slice(), expandedKey: secretKey };
}

/**
 * The material of a private key in any RFC 9881 form. The both form gets the seed consistency
 * check RFC 9881 §6 asks for (the expanded key must be what the seed expands to); the expanded
 * form has no seed, so it can sign but never be written back in the seed form.
 */
export async function privateMaterialFromPkcs8(pkcs8: Uint8Array, params: MlDsaParams): Promise<Material> {
  let parsed;
  try {
    parsed = parseMlDsaPkcs8(pkcs8);
  } catch (e) {
    fail('DataError', e instanceof PkiError ? e.message : 'Not an ML-DSA PKCS#8 key.');
  }
  if (!parsed || parsed.params !== params) fail('DataError', `This PKCS#8 key is not an ${params.name} key.`);
  if (parsed.seed) {
    const m = await fromSeed(params, parsed.seed);
    if (parsed.expandedKey && !sameBytes(parsed.expandedKey, m.expandedKey as Uint8Array)) {
      fail(
        'DataError',
        `The seed and the expanded key of this ${params.name} private key do not match (RFC 9881 §6 consistency check).`,
      );
    }
    return m;
  }
  const expandedKey = parsed.expandedKey as Uint8Array;
  return { params, expandedKey, publicKey: (await dsa(params)).getPublicKey(expandedKey) };
}

/** The seed form of a private key in any RFC 9881 form (both: checked), or undefined for the expanded form. */
export async function seedFormPkcs8(
  pkcs8: Uint8Array,
  params: MlDsaParams,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const m = await privateMaterialFromPkcs8(pkcs8, params);
  return m.seed ? mlDsaPkcs8(params, m.seed) : undefined;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: unknown, what: string): Uint8Array {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text))
    fail('DataError', `The JWK member "${what}" is not base64url.`);
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The ML-DSA subset of SubtleCrypto, over the library. */
export const libraryMlDsa = {
  async generateKey(
    params: MlDsaParams,
    extractable: boolean,
    usages: readonly KeyUsage[],
    random: Crypto,
  ): Promise<CryptoKeyPair> {
    const m = await fromSeed(params, random.getRandomValues(new Uint8Array(ML_DSA_SEED_BYTES)));
    return {
      privateKey: makeKey(
        'private',
        m,
        extractable,
        usages.filter((u) => u === 'sign'),
      ),
      publicKey: makeKey(
        'public',
        { params, publicKey: m.publicKey },
        true,
        usages.filter((u) => u === 'verify'),
      ),
    };
  },

  async importKey(
    format: string,
    data: BufferSource | JsonWebKey,
    params: MlDsaParams,
    extractable: boolean,
    usages: readonly KeyUsage[],
  ): Promise<CryptoKey> {
    if (format === 'jwk') return importJwk(data as JsonWebKey, params, extractable, usages);
    const bytes = bytesOf(data as BufferSource);
    if (format === 'raw-public') {
      if (bytes.length !== params.publicKeyBytes)
        fail('DataError', `An ${params.name} public key is ${params.publicKeyBytes} bytes, not ${bytes.length}.`);
      return makeKey('public', { params, publicKey: bytes.slice() }, extractable, usages);
    }
    if (format === 'spki') {
      let parsed;
      try {
        parsed = parseMlDsaSpki(bytes);
      } catch (e) {
        fail('DataError', e instanceof PkiError ? e.message : 'Not a SubjectPublicKeyInfo.');
      }
      if (!parsed || parsed.params !== params)
        fail('DataError', `This SubjectPublicKeyInfo is not an ${params.name} key.`);
      return makeKey('public', { params, publicKey: parsed.publicKey }, extractable, usages);
    }
    if (format === 'raw-seed') return makeKey('private', await fromSeed(params, bytes), extractable, usages);
    if (format === 'pkcs8')
      return makeKey('private', await privateMaterialFromPkcs8(bytes, params), extractable, usages);
    return fail('NotSupportedError', `${params.name} keys cannot be imported from "${format}".`);
  },

  exportKey(format: string, key: CryptoKey): Promise<ArrayBuffer | AkpJwk> {
    return Promise.resolve().then(() => exportNow(format, key));
  },

  /** ML-DSA.Sign (FIPS 204 Algorithm 2, hedged) with the context string, empty by default (RFC 9881 §3 uses the empty one). */
  async sign(context: Uint8Array | undefined, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer> {
    const m = materialOf(key);
    if (key.type !== 'private' || !key.usages.includes('sign')) fail('InvalidAccessError', 'This key cannot sign.');
    return buffer(
      (await dsa(m.params)).sign(bytesOf(data), m.expandedKey as Uint8Array, context ? { context } : undefined),
    );
  },

  async verify(
    context: Uint8Array | undefined,
    key: CryptoKey,
    signature: BufferSource,
    data: BufferSource,
  ): Promise<boolean> {
    const m = materialOf(key);
    if (key.type !== 'public' || !key.usages.includes('verify')) fail('InvalidAccessError', 'This key cannot verify.');
    const sig = bytesOf(signature);
    if (sig.length !== m.params.signatureBytes) return false;
    return (await dsa(m.params)).verify(sig, bytesOf(data), m.publicKey, context ? { context } : undefined);
  },

  /** The public half of a private key made here (WebCrypto has no such call; this engine can always answer). */
  publicKeyOf(key: CryptoKey): CryptoKey {
    const m = materialOf(key);
    return makeKey('public', { params: m.params, publicKey: m.publicKey }, true, ['verify']);
  },
};

/** exportKey's work (synchronous; errors become rejections through the caller's promise). */
function exportNow(format: string, key: CryptoKey): ArrayBuffer | AkpJwk {
  const m = materialOf(key);
  if (!key.extractable) fail('InvalidAccessError', 'This key is not extractable.');
  const name = m.params.name;
  if (key.type === 'public') {
    if (format === 'raw-public') return buffer(m.publicKey);
    if (format === 'spki') return mlDsaSpki(m.params, m.publicKey).buffer;
    if (format === 'jwk')
      return { kty: 'AKP', alg: name, pub: base64url(m.publicKey), key_ops: [...key.usages], ext: true };
    return fail('NotSupportedError', `${name} public keys cannot be exported as "${format}".`);
  }
  if (format === 'pkcs8')
    return mlDsaPkcs8Of(m.params, m.seed ? { seed: m.seed } : { expandedKey: m.expandedKey }).buffer;
  if (!m.seed)
    return fail(
      'NotSupportedError',
      `This ${name} private key came without its seed, so it can only be exported as PKCS#8 in the expanded form.`,
    );
  if (format === 'raw-seed') return buffer(m.seed);
  if (format === 'jwk')
    return {
      kty: 'AKP',
      alg: name,
      pub: base64url(m.publicKey),
      priv: base64url(m.seed),
      key_ops: [...key.usages],
      ext: key.extractable,
    };
  return fail('NotSupportedError', `${name} private keys cannot be exported as "${format}".`);
}

async function importJwk(
  jwk: AkpJwk,
  params: MlDsaParams,
  extractable: boolean,
  usages: readonly KeyUsage[],
): Promise<CryptoKey> {
  if (jwk.kty !== 'AKP') fail('DataError', 'An ML-DSA JWK has kty "AKP".');
  if (jwk.alg !== undefined && jwk.alg !== params.name)
    fail('DataError', `This JWK is for ${String(jwk.alg)}, not ${params.name}.`);
  const publicKey = fromBase64url(jwk.pub, 'pub');
  if (publicKey.length !== params.publicKeyBytes)
    fail('DataError', `An ${params.name} public key is ${params.publicKeyBytes} bytes, not ${publicKey.length}.`);
  if (jwk.priv === undefined) return makeKey('public', { params, publicKey }, extractable, usages);
  const m = await fromSeed(params, fromBase64url(jwk.priv, 'priv'));
  if (!sameBytes(m.publicKey, publicKey))
    fail('DataError', `The "pub" of this ${params.name} JWK is not the public key of its "priv".`);
  return makeKey('private', m, extractable, usages);
}
