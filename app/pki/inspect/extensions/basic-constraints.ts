/** basicConstraints (RFC 5280 §4.2.1.9). */
import { booleanOf, integerHex } from '../../asn1/values.ts';
import { childrenOf, isUniversal, readWhole, TAG } from '../../asn1/tlv.ts';
import { node } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';

export interface BasicConstraints {
  ca: boolean;
  /** null when absent (no limit). */
  pathLength: number | null;
}

export function decodeBasicConstraints(value: Uint8Array): BasicConstraints {
  let ca = false;
  let pathLength: number | null = null;
  for (const t of childrenOf(value, readWhole(value))) {
    if (isUniversal(t, TAG.BOOLEAN)) ca = booleanOf(value, t);
    else if (isUniversal(t, TAG.INTEGER)) pathLength = parseInt(integerHex(value, t), 16);
    else throw new Error('unexpected field in basicConstraints');
  }
  return { ca, pathLength };
}

export const basicConstraints: ExtensionDecoder = {
  oid: OID.basicConstraints,
  name: 'Basic constraints',
  check: decodeBasicConstraints,
  decode(value) {
    const bc = decodeBasicConstraints(value);
    const path = bc.pathLength === null ? 'unlimited' : String(bc.pathLength);
    return {
      value: bc.ca ? `CA, path length ${path}` : 'not a CA',
      children: [node('CA', bc.ca ? 'yes' : 'no'), ...(bc.ca ? [node('Path length', path)] : [])],
    };
  },
};
