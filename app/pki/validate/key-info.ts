/** What kind of key an SPKI holds, and how strong it is: enough for lint and diagnosis. */
import * as asn1js from 'asn1js';

export type KeyKind = 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'other';

export interface KeyInfo {
  kind: KeyKind;
  /** Modulus bits for RSA, curve bits for EC and EdDSA; 0 when unknown. */
  bits: number;
  /** Named curve for EC keys: 'P-256', 'P-384', 'P-521' or the OID. */
  curve?: string;
  oid: string;
}

const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
};

function rsaBits(key: Uint8Array): number {
  const res = asn1js.fromBER(key);
  const n = res.result instanceof asn1js.Sequence ? res.result.valueBlock.value[0] : undefined;
  if (!(n instanceof asn1js.Integer)) return 0;
  const bytes = n.valueBlock.valueHexView;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const first = bytes[i];
  if (first === undefined) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

/** Describe the key in a SubjectPublicKeyInfo element. */
export function keyInfoOf(spki: asn1js.Sequence): KeyInfo {
  const [alg, bits] = spki.valueBlock.value;
  const algSeq = alg instanceof asn1js.Sequence ? alg.valueBlock.value : [];
  const oidEl = algSeq[0];
  const oid = oidEl instanceof asn1js.ObjectIdentifier ? oidEl.valueBlock.toString() : '';
  const keyBytes = bits instanceof asn1js.BitString ? bits.valueBlock.valueHexView : new Uint8Array();
  switch (oid) {
    case '1.2.840.113549.1.1.1':
    case '1.2.840.113549.1.1.10':
      return { kind: 'rsa', bits: rsaBits(keyBytes), oid };
    case '1.2.840.10045.2.1': {
      const p = algSeq[1];
      const curveOid = p instanceof asn1js.ObjectIdentifier ? p.valueBlock.toString() : '';
      const c = CURVES[curveOid];
      return { kind: 'ec', bits: c?.bits ?? 0, curve: c?.name ?? curveOid, oid };
    }
    case '1.3.101.112':
      return { kind: 'ed25519', bits: 256, oid };
    case '1.3.101.113':
      return { kind: 'ed448', bits: 456, oid };
    case '1.2.840.10040.4.1':
      return { kind: 'dsa', bits: 0, oid };
    default:
      return { kind: 'other', bits: 0, oid };
  }
}
