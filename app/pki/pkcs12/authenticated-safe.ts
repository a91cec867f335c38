/**
 * The pieces of a PFX's AuthenticatedSafe (RFC 7292 §4.1): SafeContents wrapped either in a plain
 * Data ContentInfo or in a password-encrypted EncryptedData ContentInfo (RFC 5652 §8), the
 * latter with PBES2 AES-256-CBC, which is how OpenSSL 3 protects the certificates of a keystore.
 */
import * as asn1js from 'asn1js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, id_data, id_encryptedData } from '@peculiar/asn1-cms';
import { SafeContents, type SafeBag } from '@peculiar/asn1-pfx';
import { defaultCrypto } from '../crypto.ts';
import { pbes2Encrypt } from '../pbes2.ts';
import { PkiError } from '../errors.ts';

function octetString(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  return new asn1js.OctetString({ valueHex: new Uint8Array(bytes) }).toBER(false);
}

function safeContentsDer(bags: SafeBag[]): ArrayBuffer {
  return AsnConvert.serialize(new SafeContents(bags));
}

/** A Data ContentInfo: the SafeContents in the clear (still covered by the PFX MAC). */
export function plainSafeContents(bags: SafeBag[]): ContentInfo {
  return new ContentInfo({ contentType: id_data, content: octetString(safeContentsDer(bags)) });
}

/**
 * An EncryptedData ContentInfo: the SafeContents encrypted with PBES2 under `password`.
 * asn1-cms 2.11 has no EncryptedData class, so its two-field SEQUENCE is built with asn1js.
 */
export async function encryptedSafeContents(
  bags: SafeBag[],
  password: string,
  iterations: number,
  crypto: Crypto = defaultCrypto(),
): Promise<ContentInfo> {
  const { algorithmDer, ciphertext } = await pbes2Encrypt(safeContentsDer(bags), password, { iterations }, crypto);
  const algorithm = asn1js.fromBER(algorithmDer).result;
  if (!(algorithm instanceof asn1js.Sequence)) {
    throw new PkiError('internal', 'encryption', 'The PBES2 algorithm identifier could not be re-read.');
  }
  const encryptedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }), // version 0: no originatorInfo, no unprotectedAttrs
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: id_data }),
          algorithm,
          // encryptedContent [0] IMPLICIT OCTET STRING
          new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: ciphertext }),
        ],
      }),
    ],
  });
  return new ContentInfo({ contentType: id_encryptedData, content: encryptedData.toBER(false) });
}
