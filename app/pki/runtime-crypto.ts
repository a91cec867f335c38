/**
 * The one place that picks the WebCrypto implementation. Every async core function takes a
 * `Crypto` as its last parameter, defaulting to `defaultCrypto()`, so tests can pass Node's
 * or @peculiar/webcrypto's. crypto.ts re-exports this beside the @peculiar/x509 bridge; this
 * module stays free of x509, so a worker call that only probes keys loads no ASN.1 library.
 *
 * ML-DSA (FIPS 204) is chosen here too, once per runtime: WebCrypto's own where it really works
 * (probed: a key made, a signature made and checked, the key exported and imported as PKCS#8;
 * Chromium 156 has it), otherwise @noble/post-quantum (Node 20, most browsers today). Everything
 * else is the runtime's WebCrypto untouched.
 */
import { PkiError } from './errors.ts';
import { routedCrypto, type MlDsaEngine } from './ml-dsa/routed-crypto.ts';

export type { MlDsaEngine } from './ml-dsa/routed-crypto.ts';

/** The runtime's WebCrypto with ML-DSA, or a PkiError that says why there is none (insecure context). */
export function defaultCrypto(): Crypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) {
    throw new PkiError(
      'no-webcrypto',
      'crypto',
      'WebCrypto is not available here. Browsers only offer it in secure contexts: open certbench over https, from localhost, or from a file.',
    );
  }
  return withMlDsa(c);
}

/** Whether `crypto` runs ML-DSA itself: generate, sign, verify, PKCS#8 out and back in. */
async function hasNativeMlDsa(crypto: Crypto): Promise<boolean> {
  try {
    const alg = { name: 'ML-DSA-44' };
    const pair = (await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
    const data = new Uint8Array([1, 2, 3]);
    const signature = await crypto.subtle.sign(alg, pair.privateKey, data);
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
    await crypto.subtle.importKey('pkcs8', pkcs8, alg, true, ['sign']);
    return await crypto.subtle.verify(alg, pair.publicKey, signature, data);
  } catch {
    return false;
  }
}

interface Routed {
  auto?: Crypto;
  webcrypto?: Crypto;
  library?: Crypto;
  probe?: Promise<MlDsaEngine>;
}
const routedByBase = new WeakMap<Crypto, Routed>();
const engineOfRouted = new WeakMap<Crypto, () => Promise<MlDsaEngine>>();

/**
 * `base` with ML-DSA: `engine` forces one (the bench compares them, tests pin the library);
 * by default WebCrypto's own when `base` has it, else the library. Idempotent and cached, so the
 * same base gives the same Crypto (supportedKeyAlgorithms caches per instance).
 */
export function withMlDsa(base: Crypto, engine?: MlDsaEngine): Crypto {
  if (engineOfRouted.has(base)) return base;
  let r = routedByBase.get(base);
  if (!r) routedByBase.set(base, (r = {}));
  const slot = engine ?? 'auto';
  const found = r[slot];
  if (found) return found;
  const entry = r;
  const choose = engine
    ? () => Promise.resolve(engine)
    : () => (entry.probe ??= hasNativeMlDsa(base).then((ok): MlDsaEngine => (ok ? 'webcrypto' : 'library')));
  const made = routedCrypto(base, choose);
  engineOfRouted.set(made, choose);
  r[slot] = made;
  return made;
}

/** Which ML-DSA engine a Crypto from withMlDsa/defaultCrypto uses; undefined for a plain WebCrypto. */
export function mlDsaEngine(crypto: Crypto = defaultCrypto()): Promise<MlDsaEngine> | undefined {
  return engineOfRouted.get(crypto)?.();
}
