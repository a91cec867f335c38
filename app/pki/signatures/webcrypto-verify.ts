/**
 * Signature checks with the algorithms every WebCrypto has (RSA PKCS#1 v1.5 and PSS, ECDSA on
 * P-256/384/521, Ed25519), straight from the DER facts: the algorithm tables, the signature and key
 * forms WebCrypto takes, and the memoised check. verify-signature.ts adds ML-DSA and says what an
 * unchecked algorithm is; a leaf helper uses this module alone (classicVerifier).
 */
import {
  bitStringBytes,
  children,
  isContext,
  isUniversal,
  oidOf,
  parseDer,
  smallInt,
  TAG,
  type DerNode,
} from '../asn1/der-node.ts';
import type { CertFacts } from '../model/cert-facts.ts';
import { encodeBase64Url } from '../pem.ts';
import { bufferSource } from './buffer-source.ts';

/** What a signed object (a certificate or a CRL) brings to a signature check. */
export type SignedFacts = Pick<CertFacts, 'signatureOid' | 'signatureParams' | 'tbs' | 'signature'>;
/** What the signer's certificate brings: its key. */
export type SignerFacts = Pick<CertFacts, 'key' | 'spki'>;
/** The WebCrypto algorithms of one check: how the key is imported, and how the signature is verified. */
export type Verify = {
  key: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  sign: Algorithm | RsaPssParams | EcdsaParams;
};

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
export const RSA_PKCS1: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};
export const ECDSA: Record<string, string> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const CURVE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** RSASSA-PSS-params (RFC 4055): hash (default SHA-1) and salt length (default 20); MGF1 must use the same hash. */
function pssParams(der: Uint8Array | undefined): { hash: string; saltLength: number } | null {
  let hash = 'SHA-1';
  let saltLength = 20;
  for (const el of der ? children(parseDer(der)) : []) {
    if (isContext(el, 0)) hash = HASHES[oidOf(children(children(el)[0])[0])] ?? '';
    else if (isContext(el, 2)) saltLength = smallInt(children(el)[0]);
  }
  return hash ? { hash, saltLength } : null;
}

/**
 * The WebCrypto algorithms for this signature with this issuer key, among RSA PKCS#1 v1.5 and PSS,
 * ECDSA and Ed25519; null for any other (ML-DSA included: verify-signature.ts adds it).
 */
export function classicAlgorithms(child: SignedFacts, issuer: SignerFacts): Verify | null {
  const oid = child.signatureOid;
  const kind = issuer.key.kind;
  const pkcs1 = RSA_PKCS1[oid];
  if (pkcs1)
    return kind === 'rsa'
      ? { key: { name: 'RSASSA-PKCS1-v1_5', hash: pkcs1 }, sign: { name: 'RSASSA-PKCS1-v1_5' } }
      : null;
  if (oid === '1.2.840.113549.1.1.10') {
    const p = pssParams(child.signatureParams);
    return p && kind === 'rsa'
      ? { key: { name: 'RSA-PSS', hash: p.hash }, sign: { name: 'RSA-PSS', saltLength: p.saltLength } }
      : null;
  }
  const ecHash = ECDSA[oid];
  if (ecHash) {
    const curve = issuer.key.curve ?? '';
    return kind === 'ec' && CURVE_BYTES[curve]
      ? { key: { name: 'ECDSA', namedCurve: curve }, sign: { name: 'ECDSA', hash: ecHash } as EcdsaParams }
      : null;
  }
  if (oid === '1.3.101.112') return kind === 'ed25519' ? { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } } : null;
  return null;
}

/** ECDSA-Sig-Value (SEQUENCE of two INTEGERs) to WebCrypto's fixed-width r||s. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size * 2);
  children(parseDer(der)).forEach((n, i) => {
    if (!isUniversal(n, TAG.INTEGER) || i > 1) throw new Error('bad ECDSA signature');
    let v = n.content;
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    if (v.length > size) throw new Error('bad ECDSA signature');
    out.set(v, i * size + size - v.length);
  });
  return out;
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';

/** A positive INTEGER in minimal DER (no needless leading zero), as its unsigned big-endian octets. */
function positive(n: DerNode | undefined): Uint8Array | null {
  if (!isUniversal(n, TAG.INTEGER) || n.content.length === 0) return null;
  const [a = 0, b = 0] = n.content;
  if (a & 0x80) return null;
  if (a === 0) return n.content.length > 1 && b & 0x80 ? n.content.subarray(1) : null;
  return n.content;
}

/**
 * How public keys are imported: 'spki' as given, or 'rebuilt' as JWK (RSA) or raw point (EC,
 * Ed25519) when the SPKI is the plain, strictly encoded form of one. Node's SPKI import goes
 * through OpenSSL 3's decoders and costs 4 to 7 times as much as the rebuilt forms (a CA bundle
 * has ~140 keys); Chromium's (BoringSSL) is the cheaper one there: 144 imports of the system
 * bundle's root keys took 1.7 ms as SPKI against 3.0 ms as JWK and raw (best of 8 in a worker),
 * before counting the JavaScript that rebuilds them.
 */
export type KeyImport = 'spki' | 'rebuilt';

/** 'rebuilt' under Node (OpenSSL 3's decoders), 'spki' elsewhere. */
export const RUNTIME_KEY_IMPORT: KeyImport = (globalThis as { process?: { versions?: { node?: string } } }).process
  ?.versions?.node
  ? 'rebuilt'
  : 'spki';

/**
 * The issuer's key for `alg`. Rebuilt forms are only taken for the plain, strict encodings;
 * anything else, restricted RSA-PSS keys included, goes to SPKI import, which decides.
 */
function importKey(crypto: Crypto, spki: Uint8Array, alg: Verify['key'], how: KeyImport): Promise<CryptoKey> {
  if (how === 'rebuilt') return importRebuilt(crypto, spki, alg);
  return crypto.subtle.importKey('spki', bufferSource(spki), alg, false, ['verify']);
}

function importRebuilt(crypto: Crypto, spki: Uint8Array, alg: Verify['key']): Promise<CryptoKey> {
  try {
    const [algId, bits, extra] = children(parseDer(spki));
    const [oid, params, more] = children(algId);
    const keyOid = oidOf(oid);
    const point = bitStringBytes(bits);
    const whole = !extra && !more && bits?.content[0] === 0; // no unused bits
    if (whole && keyOid === RSA_ENCRYPTION && isUniversal(params, 5) && params.content.length === 0) {
      // 5: NULL
      const [n, e, rest] = children(parseDer(point));
      const nBytes = positive(n);
      const eBytes = positive(e);
      if (nBytes && eBytes && !rest) {
        return crypto.subtle.importKey(
          'jwk',
          { kty: 'RSA', n: encodeBase64Url(nBytes), e: encodeBase64Url(eBytes) },
          alg,
          false,
          ['verify'],
        );
      }
    }
    if (whole && ((keyOid === EC_PUBLIC_KEY && isUniversal(params, TAG.OID)) || (keyOid === ED25519 && !params))) {
      return crypto.subtle.importKey('raw', point.slice(), alg, false, ['verify']);
    }
  } catch {
    // not DER we read: SPKI import says what it is
  }
  return crypto.subtle.importKey('spki', spki.slice(), alg, false, ['verify']);
}

/** Imported keys by the issuer's SPKI view, then by algorithm (see signatureVerifier). */
export type KeyMemo = Map<Uint8Array, Map<string, Promise<CryptoKey>>>;

/**
 * Whether `issuer`'s key signed `child` under `alg`, through `through`, the key imported once per
 * SPKI view and algorithm in `keys`. A signature or key WebCrypto refuses is false.
 */
export async function keyedVerify(
  through: Crypto,
  keys: KeyMemo,
  alg: Verify,
  child: SignedFacts,
  issuer: SignerFacts,
  keyImport: KeyImport,
): Promise<boolean> {
  const { name, hash, namedCurve } = alg.key as { name: string; hash?: string; namedCurve?: string };
  const id = `${name}/${hash ?? namedCurve ?? ''}`;
  let byAlgorithm = keys.get(issuer.spki);
  if (!byAlgorithm) keys.set(issuer.spki, (byAlgorithm = new Map<string, Promise<CryptoKey>>()));
  let key = byAlgorithm.get(id);
  if (!key) byAlgorithm.set(id, (key = importKey(through, issuer.spki, alg.key, keyImport)));
  try {
    const sig =
      alg.key.name === 'ECDSA'
        ? ecdsaRaw(child.signature, CURVE_BYTES[(alg.key as EcKeyImportParams).namedCurve] ?? 0)
        : child.signature;
    return await through.subtle.verify(alg.sign, await key, bufferSource(sig), bufferSource(child.tbs));
  } catch {
    return false;
  }
}

/**
 * What a leaf helper checks (leaf-helper-serve.ts): true/false for the algorithms of
 * classicAlgorithms, straight through `crypto`; null for any other pair, which the pki worker then
 * checks itself (verify-signature.ts says what it is). No ML-DSA code: the helper stays small.
 */
export function classicVerifier(crypto: Crypto): {
  verify(child: SignedFacts, issuer: SignerFacts): Promise<boolean | null>;
} {
  const keys: KeyMemo = new Map();
  return {
    verify(child, issuer) {
      const alg = classicAlgorithms(child, issuer);
      return alg ? keyedVerify(crypto, keys, alg, child, issuer, RUNTIME_KEY_IMPORT) : Promise.resolve(null);
    },
  };
}
