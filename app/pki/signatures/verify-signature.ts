/**
 * Verify that one certificate's signature was made by another's key, straight from the DER
 * facts with WebCrypto: RSA PKCS#1 v1.5 and PSS, ECDSA on P-256/384/521, Ed25519, ML-DSA
 * (RFC 9881: the signature OID is the key's, pure ML-DSA, empty context; crypto.ts's engine). No
 * @peculiar/x509 parse is needed, which keeps relating a whole bundle cheap.
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

/** What a signed object (a certificate or a CRL) brings to a signature check. */
export type SignedFacts = Pick<CertFacts, 'signatureOid' | 'signatureParams' | 'tbs' | 'signature'>;
/** What the signer's certificate brings: its key. */
export type SignerFacts = Pick<CertFacts, 'key' | 'spki'>;
import { bufferSource } from './buffer-source.ts';
import { encodeBase64Url } from '../pem.ts';
import { mlDsaOfOid } from '../ml-dsa/params.ts';
import { unroutedCrypto } from '../unrouted-crypto.ts';

type Verify = {
  key: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  sign: Algorithm | RsaPssParams | EcdsaParams;
};

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const RSA_PKCS1: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};
const ECDSA: Record<string, string> = {
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

/** The WebCrypto algorithms for this signature with this issuer key, or null when WebCrypto cannot check it. */
function algorithms(child: SignedFacts, issuer: SignerFacts): Verify | null {
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
  const mlDsa = mlDsaOfOid(oid);
  if (mlDsa) return issuer.key.oid === oid ? { key: { name: mlDsa.name }, sign: { name: mlDsa.name } } : null;
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
const RUNTIME_KEY_IMPORT: KeyImport = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
  ?.node
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

/** Something that can tell whether `issuer`'s key signed `child`, memoising imported keys. */
export interface SignatureVerifier {
  /** true/false, or a sentence when the algorithm cannot be checked here (DSA, SHA-224, other curves). */
  verify(child: SignedFacts, issuer: SignerFacts): Promise<boolean | string>;
}

export function signatureVerifier(crypto: Crypto, keyImport: KeyImport = RUNTIME_KEY_IMPORT): SignatureVerifier {
  // Imported keys by the issuer's SPKI view (one per certificate model, so every subject checked
  // against one issuer finds its key), then by algorithm: no string of the key's bytes to make
  // and hash per check. Two certificates carrying the same key each import it once.
  const keys = new Map<Uint8Array, Map<string, Promise<CryptoKey>>>();
  // The runtime's WebCrypto itself where `crypto` is the runtime default, for every algorithm but
  // ML-DSA: the default's router would pass those calls straight through, each through an async
  // wrapper of its own (a CA bundle makes 144 imports and 144 checks). unroutedCrypto says which.
  const direct = unroutedCrypto(crypto, []);
  return {
    async verify(child, issuer) {
      const alg = algorithms(child, issuer);
      if (!alg) {
        const oid = child.signatureOid;
        const known =
          RSA_PKCS1[oid] ??
          ECDSA[oid] ??
          (oid === '1.3.101.112' || oid === '1.2.840.113549.1.1.10' || mlDsaOfOid(oid) ? oid : undefined);
        // A known algorithm under the wrong kind of key is simply not this issuer's signature.
        if (known && !(oid === '1.2.840.113549.1.1.10' && issuer.key.kind === 'rsa')) return false;
        return `(signature algorithm ${child.signatureOid} with a ${issuer.key.kind.toUpperCase()} key cannot be checked here)`;
      }
      const { name, hash, namedCurve } = alg.key as { name: string; hash?: string; namedCurve?: string };
      const id = `${name}/${hash ?? namedCurve ?? ''}`;
      const through = mlDsaOfOid(child.signatureOid) ? crypto : direct;
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
    },
  };
}
