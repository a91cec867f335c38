/**
 * Verify that one certificate's signature was made by another's key, straight from the DER
 * facts with WebCrypto: RSA PKCS#1 v1.5 and PSS, ECDSA on P-256/384/521, Ed25519
 * (webcrypto-verify.ts), and ML-DSA (RFC 9881: the signature OID is the key's, pure ML-DSA, empty
 * context; crypto.ts's engine). No @peculiar/x509 parse is needed, which keeps relating a whole
 * bundle cheap.
 */
import { mlDsaOfOid } from '../ml-dsa/params.ts';
import { unroutedCrypto } from '../unrouted-crypto.ts';
import {
  classicAlgorithms,
  ECDSA,
  keyedVerify,
  RSA_PKCS1,
  RUNTIME_KEY_IMPORT,
  type KeyImport,
  type KeyMemo,
  type SignedFacts,
  type SignerFacts,
  type Verify,
} from './webcrypto-verify.ts';

export type { KeyImport, SignedFacts, SignerFacts } from './webcrypto-verify.ts';

/** The WebCrypto algorithms for this signature with this issuer key, or null when WebCrypto cannot check it. */
function algorithms(child: SignedFacts, issuer: SignerFacts): Verify | null {
  const classic = classicAlgorithms(child, issuer);
  if (classic) return classic;
  const oid = child.signatureOid;
  const mlDsa = mlDsaOfOid(oid);
  return mlDsa && issuer.key.oid === oid ? { key: { name: mlDsa.name }, sign: { name: mlDsa.name } } : null;
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
  const keys: KeyMemo = new Map();
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
      const through = mlDsaOfOid(child.signatureOid) ? crypto : direct;
      return keyedVerify(through, keys, alg, child, issuer, keyImport);
    },
  };
}
