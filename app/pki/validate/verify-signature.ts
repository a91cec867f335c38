/**
 * Verify that one certificate's signature was made by another's key, straight from the DER
 * facts with WebCrypto: RSA PKCS#1 v1.5 and PSS, ECDSA on P-256/384/521, Ed25519. No
 * @peculiar/x509 parse is needed, which keeps relating a whole bundle cheap.
 */
import { Convert } from 'pvtsutils';
import { children, isContext, isUniversal, oidOf, parseDer, smallInt, TAG } from './der.ts';
import type { CertFacts } from './cert-facts.ts';

type Verify = { key: RsaHashedImportParams | EcKeyImportParams | Algorithm; sign: Algorithm | RsaPssParams | EcdsaParams };

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const RSA_PKCS1: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1', '1.2.840.113549.1.1.11': 'SHA-256', '1.2.840.113549.1.1.12': 'SHA-384', '1.2.840.113549.1.1.13': 'SHA-512',
};
const ECDSA: Record<string, string> = {
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10045.4.3.2': 'SHA-256', '1.2.840.10045.4.3.3': 'SHA-384', '1.2.840.10045.4.3.4': 'SHA-512',
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
function algorithms(child: CertFacts, issuer: CertFacts): Verify | null {
  const oid = child.signatureOid;
  const kind = issuer.key.kind;
  const pkcs1 = RSA_PKCS1[oid];
  if (pkcs1) return kind === 'rsa' ? { key: { name: 'RSASSA-PKCS1-v1_5', hash: pkcs1 }, sign: { name: 'RSASSA-PKCS1-v1_5' } } : null;
  if (oid === '1.2.840.113549.1.1.10') {
    const p = pssParams(child.signatureParams);
    return p && kind === 'rsa' ? { key: { name: 'RSA-PSS', hash: p.hash }, sign: { name: 'RSA-PSS', saltLength: p.saltLength } } : null;
  }
  const ecHash = ECDSA[oid];
  if (ecHash) {
    const curve = issuer.key.curve ?? '';
    return kind === 'ec' && CURVE_BYTES[curve] ? { key: { name: 'ECDSA', namedCurve: curve }, sign: { name: 'ECDSA', hash: ecHash } as EcdsaParams } : null;
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

/** Something that can tell whether `issuer`'s key signed `child`, memoising imported keys. */
export interface SignatureVerifier {
  /** true/false, or a sentence when the algorithm cannot be checked here (DSA, SHA-224, other curves). */
  verify(child: CertFacts, issuer: CertFacts): Promise<boolean | string>;
}

export function signatureVerifier(crypto: Crypto): SignatureVerifier {
  const keys = new Map<string, Promise<CryptoKey>>();
  return {
    async verify(child, issuer) {
      const alg = algorithms(child, issuer);
      if (!alg) {
        const oid = child.signatureOid;
        const known = RSA_PKCS1[oid] ?? ECDSA[oid] ?? (oid === '1.3.101.112' || oid === '1.2.840.113549.1.1.10' ? oid : undefined);
        // A known algorithm under the wrong kind of key is simply not this issuer's signature.
        if (known && !(oid === '1.2.840.113549.1.1.10' && issuer.key.kind === 'rsa')) return false;
        return `(signature algorithm ${child.signatureOid} with a ${issuer.key.kind.toUpperCase()} key cannot be checked here)`;
      }
      const id = `${JSON.stringify(alg.key)}|${Convert.ToHex(issuer.spki)}`;
      let key = keys.get(id);
      if (!key) keys.set(id, (key = crypto.subtle.importKey('spki', issuer.spki.slice(), alg.key, false, ['verify'])));
      try {
        const sig = alg.key.name === 'ECDSA' ? ecdsaRaw(child.signature, CURVE_BYTES[(alg.key as EcKeyImportParams).namedCurve] ?? 0) : child.signature;
        return await crypto.subtle.verify(alg.sign, await key, sig.slice(), child.tbs.slice());
      } catch {
        return false;
      }
    },
  };
}
