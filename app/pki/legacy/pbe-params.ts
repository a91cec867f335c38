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
  // toBigInt, not valueDec: asn1js reads an INTEGER of 4 or more octets (8,388,608 and up) as 0.
  return { salt: salt.valueBlock.valueHexView, iterations: Number(count.toBigInt()) };
}
