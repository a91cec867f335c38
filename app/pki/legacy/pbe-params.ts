/**
 * PBEParameter (RFC 8018 A.3) and pkcs-12PbeParams (RFC 7292 Appendix C): the same
 * SEQUENCE { salt OCTET STRING, iterations INTEGER }, read from an asn1js node.
 */
import * as asn1js from 'asn1js';
import { PkiError } from '../errors.ts';

export interface PbeParams {
  salt: Uint8Array;
  iterations: number;
}

export function parsePbeParams(params: asn1js.AsnType | undefined, scheme: string): PbeParams {
  const [salt, count] = params instanceof asn1js.Sequence ? params.valueBlock.value : [];
  if (
    !(salt instanceof asn1js.OctetString) ||
    !(count instanceof asn1js.Integer) ||
    salt.valueBlock.valueHexView.length > 1024
  ) {
    throw new PkiError('invalid-der', 'file', `The ${scheme} parameters (salt and iteration count) are malformed.`);
  }
  return { salt: salt.valueBlock.valueHexView, iterations: count.valueBlock.valueDec };
}
