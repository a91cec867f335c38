/** extKeyUsage (RFC 5280 §4.2.1.12). */
import { childrenOf, oidOf, readWhole } from '../../asn1/tlv.ts';
import { EXTENDED_KEY_USAGES, oidLabel, OID } from '../../model/oids.ts';
import { node } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';

/** The purpose OIDs, in order. */
export function decodeExtendedKeyUsage(value: Uint8Array): string[] {
  return childrenOf(value, readWhole(value)).map((t) => oidOf(value, t));
}

/** A purpose's short name ("serverAuth") or its OID. */
export function ekuName(oid: string): string {
  return EXTENDED_KEY_USAGES[oid] ?? oid;
}

export const extendedKeyUsage: ExtensionDecoder = {
  oid: OID.extKeyUsage,
  name: 'Extended key usage',
  check: decodeExtendedKeyUsage,
  decode(value) {
    const oids = decodeExtendedKeyUsage(value);
    return {
      value: oids.map(ekuName).join(', '),
      children: oids.map((o) => node('Purpose', oidLabel(o, EXTENDED_KEY_USAGES))),
    };
  },
};
