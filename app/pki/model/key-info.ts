/** What kind of key an SPKI holds, and how strong it is: enough for lint and diagnosis. */
import { bitStringBytes, children, isUniversal, oidOf, parseDer, TAG, type DerNode } from '../asn1/der-node.ts';
import { mlDsaOfOid } from '../ml-dsa/params.ts';
import { CURVES, OID } from './oids.ts';

export type KeyKind = 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'ml-dsa' | 'other';

export interface KeyInfo {
  kind: KeyKind;
  /** Modulus bits for RSA, curve bits for EC and EdDSA, security strength for ML-DSA (128/192/256); 0 when unknown. */
  bits: number;
  /** Named curve for EC keys: 'P-256', 'P-384', 'P-521', another name from oids.ts CURVES, or the OID. */
  curve?: string;
  /** ML-DSA keys: 'ML-DSA-44', 'ML-DSA-65' or 'ML-DSA-87' (RFC 9881 §2 OIDs). */
  parameterSet?: string;
  oid: string;
}

function rsaBits(key: Uint8Array): number {
  const n = children(parseDer(key))[0];
  if (!isUniversal(n, TAG.INTEGER)) return 0;
  const bytes = n.content;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const first = bytes[i];
  if (first === undefined) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

/** Describe the key in a SubjectPublicKeyInfo element. */
export function keyInfoOf(spki: DerNode): KeyInfo {
  const [alg, bits] = children(spki);
  const algSeq = children(alg);
  const oid = oidOf(algSeq[0]);
  switch (oid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      let size: number;
      try {
        size = rsaBits(bitStringBytes(bits));
      } catch {
        size = 0; // a modulus that does not decode: size unknown
      }
      return { kind: 'rsa', bits: size, oid };
    }
    case OID.ecPublicKey: {
      const curveOid = oidOf(algSeq[1]);
      const c = CURVES[curveOid];
      return { kind: 'ec', bits: c?.bits ?? 0, curve: c?.name ?? curveOid, oid };
    }
    case OID.ed25519:
      return { kind: 'ed25519', bits: 256, oid };
    case OID.ed448:
      return { kind: 'ed448', bits: 456, oid };
    case OID.dsa:
      return { kind: 'dsa', bits: 0, oid };
    default: {
      const mlDsa = mlDsaOfOid(oid);
      if (mlDsa)
        return { kind: 'ml-dsa', bits: { 2: 128, 3: 192, 5: 256 }[mlDsa.category], parameterSet: mlDsa.name, oid };
      return { kind: 'other', bits: 0, oid };
    }
  }
}
