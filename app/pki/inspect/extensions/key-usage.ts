/** keyUsage (RFC 5280 §4.2.1.3). */
import { bitStringOf } from '../../asn1/values.ts';
import { readWhole } from '../../asn1/tlv.ts';
import { KEY_USAGE_BITS } from '../../model/cert-facts.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';

/** Names of the bits set, in bit order (RFC 5280 names: digitalSignature, keyCertSign, …). */
export function decodeKeyUsage(value: Uint8Array): string[] {
  const { bytes, bitLength } = bitStringOf(value, readWhole(value));
  const out: string[] = [];
  for (let i = 0; i < bitLength; i++) {
    if (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) out.push(KEY_USAGE_BITS[i] ?? `bit ${i}`);
  }
  return out;
}

export const keyUsage: ExtensionDecoder = {
  oid: OID.keyUsage,
  name: 'Key usage',
  check: decodeKeyUsage,
  decode: (value) => ({ value: decodeKeyUsage(value).join(', ') || '(none)' }),
};
