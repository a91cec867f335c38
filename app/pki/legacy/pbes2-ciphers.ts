/**
 * The PBES2 encryption schemes WebCrypto lacks (RFC 8018 B.2.1–B.2.3): DES-CBC, DES-EDE3-CBC
 * and RC2-CBC, as `openssl pkcs8 -v2 des3 | des | rc2` and Java's older PKCS#12 files write
 * them. AES-CBC stays with WebCrypto (../pbes2.ts).
 */
import * as asn1js from 'asn1js';
import { PkiError } from '../errors.ts';
import type { BlockCipher } from './block-cipher.ts';
import { Des, TripleDes } from './des.ts';
import { Rc2 } from './rc2.ts';

export interface LegacyPbes2Cipher {
  name: string;
  /** Key length when PBKDF2's optional keyLength is absent. */
  keyBytes: number;
  iv: Uint8Array;
  make: (key: Uint8Array) => BlockCipher;
}

/** RFC 8018 B.2.3 / RFC 2268 §6: rc2ParameterVersion to effective key bits. */
const RC2_VERSION_BITS: Record<number, number> = { 160: 40, 120: 64, 58: 128 };

function ivOf(node: asn1js.AsnType | undefined, name: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString) || node.valueBlock.valueHexView.length !== 8) {
    throw new PkiError('invalid-der', 'file', `The ${name} parameters do not hold an 8-byte IV.`);
  }
  return node.valueBlock.valueHexView;
}

/** The legacy cipher for a PBES2 encryption scheme OID and its parameters, or undefined for any other OID. */
export function legacyPbes2Cipher(
  oid: string,
  params: asn1js.AsnType | undefined,
  keyLength: number | undefined,
): LegacyPbes2Cipher | undefined {
  switch (oid) {
    case '1.3.14.3.2.7':
      return { name: 'DES-CBC', keyBytes: 8, iv: ivOf(params, 'DES-CBC'), make: (k) => new Des(k) };
    case '1.2.840.113549.3.7':
      return { name: 'DES-EDE3-CBC', keyBytes: 24, iv: ivOf(params, 'DES-EDE3-CBC'), make: (k) => new TripleDes(k) };
    case '1.2.840.113549.3.2': {
      const fields = params instanceof asn1js.Sequence ? params.valueBlock.value : [];
      const version = fields[0] instanceof asn1js.Integer ? fields[0].valueBlock.valueDec : undefined;
      // Absent version: 32 effective bits (RFC 2268 §6); 256 and above are the bit count itself.
      const bits = version === undefined ? 32 : version >= 256 ? version : RC2_VERSION_BITS[version];
      if (bits === undefined || bits > 1024)
        throw new PkiError('invalid-der', 'file', `The RC2-CBC parameter version ${version} names no key size.`);
      const iv = ivOf(fields[fields.length - 1], 'RC2-CBC');
      const keyBytes = keyLength ?? Math.ceil(bits / 8);
      return { name: `RC2-CBC (${bits}-bit)`, keyBytes, iv, make: (k) => new Rc2(k, bits) };
    }
    default:
      return undefined;
  }
}
