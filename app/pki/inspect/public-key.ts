/**
 * What a SubjectPublicKeyInfo holds: algorithm and size (RSA modulus bits) or curve. Read with
 * the TLV reader; an unknown algorithm is still described by its OID.
 */
import { algorithmOf } from '../model/certificate.ts';
import { bitStringOf } from '../asn1/values.ts';
import { childrenOf, isUniversal, oidOf, readTlv, readWhole, TAG } from '../asn1/tlv.ts';
import { keyDescription } from '../key-description.ts';
import { CURVES, PUBLIC_KEY_ALGORITHMS } from '../model/oids.ts';
import { node, type TreeNode } from './tree.ts';
import { mlDsaOfOid } from '../ml-dsa/params.ts';
import { mlDsaStackText } from '../ml-dsa/support.ts';

export interface PublicKeyDescription {
  /** "RSA", "EC", "Ed25519", … or the OID. */
  algorithm: string;
  /** Key size in bits (RSA modulus, EC field, 256/456 for Ed25519/Ed448). */
  size?: number;
  /** Curve name for EC keys ("P-256"), or the curve OID when unnamed here. */
  curve?: string;
  /** ML-DSA keys (FIPS 204): NIST security category and the raw public key's length in bytes. */
  mlDsa?: { category: number; publicKeyBytes: number };
}

/** Bits of the first INTEGER in a SEQUENCE: the RSA modulus n, or the DSA prime p. */
function firstIntegerBits(der: Uint8Array): number {
  const [int] = childrenOf(der, readWhole(der));
  if (!isUniversal(int, TAG.INTEGER)) throw new Error('key without its leading INTEGER');
  let start = int.contentStart;
  while (start < int.contentEnd - 1 && der[start] === 0) start++;
  const top = der[start] ?? 0;
  return (int.contentEnd - start - 1) * 8 + (32 - Math.clz32(top));
}

/** Describe an SPKI's DER. Throws on DER that is not an SPKI. */
export function describePublicKey(spki: Uint8Array): PublicKeyDescription {
  const root = readTlv(spki, 0);
  const [algTlv, keyTlv] = childrenOf(spki, root);
  const alg = algorithmOf(spki, algTlv);
  const algorithm = PUBLIC_KEY_ALGORITHMS[alg.oid] ?? alg.oid;
  const key = bitStringOf(spki, keyTlv).bytes;
  if (algorithm === 'RSA' || algorithm === 'RSA-PSS') return { algorithm, size: firstIntegerBits(key) };
  if (algorithm === 'DSA') return alg.params ? { algorithm, size: firstIntegerBits(alg.params) } : { algorithm };
  if (algorithm === 'EC') {
    const params = alg.params ? readTlv(alg.params, 0) : undefined;
    const curveOid = alg.params && isUniversal(params, TAG.OID) ? oidOf(alg.params, params) : undefined;
    const curve = curveOid ? CURVES[curveOid] : undefined;
    if (curve) return { algorithm, curve: curve.name, size: curve.bits };
    return { algorithm, curve: curveOid ?? 'explicit parameters' };
  }
  if (algorithm === 'Ed25519' || algorithm === 'X25519') return { algorithm, size: 256 };
  if (algorithm === 'Ed448' || algorithm === 'X448') return { algorithm, size: algorithm === 'Ed448' ? 456 : 448 };
  const mlDsa = mlDsaOfOid(alg.oid);
  if (mlDsa) return { algorithm, mlDsa: { category: mlDsa.category, publicKeyBytes: key.length } };
  return { algorithm };
}

/** "ECDSA P-256", "RSA 2048", "Ed25519", "ML-DSA-65": the one key description (key-description.ts). */
export function publicKeyText(d: PublicKeyDescription): string {
  return keyDescription(d);
}

/** A "Public key" node; degrades to a note when the SPKI does not decode. */
export function publicKeyNode(spki: Uint8Array, label = 'Public key'): TreeNode {
  try {
    const d = describePublicKey(spki);
    if (d.mlDsa) {
      // What a reader needs to know about a post-quantum key: how strong, how big, and who can use it.
      return node(label, publicKeyText(d), [
        node('Algorithm', 'ML-DSA, the post-quantum module-lattice signature of FIPS 204 (RFC 9881 for X.509)'),
        node('Security', `NIST category ${d.mlDsa.category}`),
        node('Public key size', `${d.mlDsa.publicKeyBytes} bytes`),
        node('Who can use it', mlDsaStackText()),
      ]);
    }
    return node(label, publicKeyText(d));
  } catch {
    return node(label, undefined, undefined, 'the public key does not decode');
  }
}
