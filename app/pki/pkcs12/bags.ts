/**
 * SafeBags (RFC 7292 §4.2): a certificate bag around an X.509 certificate and a PKCS#8 shrouded
 * key bag around a private key encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), as
 * OpenSSL 3 and Java 17 write them.
 */
import * as asn1js from 'asn1js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import {
  CertBag,
  SafeBag,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  type PKCS12Attribute,
} from '@peculiar/asn1-pfx';
import { defaultCrypto } from '../crypto.ts';
import { pbes2Encrypt } from '../pbes2.ts';

function safeBag(bagId: string, bagValue: ArrayBuffer, attributes: PKCS12Attribute[]): SafeBag {
  const bag = new SafeBag({ bagId, bagValue });
  // An empty attribute SET is legal but unusual; OpenSSL leaves the field out, and so do we.
  if (attributes.length) bag.bagAttributes = attributes;
  return bag;
}

/** A certBag holding one DER certificate, byte for byte (x509Certificate: OCTET STRING of the DER). */
export function certificateBag(certificateDer: Uint8Array, attributes: PKCS12Attribute[] = []): SafeBag {
  const certValue = new asn1js.OctetString({ valueHex: new Uint8Array(certificateDer) }).toBER(false);
  const certBag = new CertBag({ certId: id_x509Certificate, certValue });
  return safeBag(id_certBag, AsnConvert.serialize(certBag), attributes);
}

/** A pkcs8ShroudedKeyBag: the PKCS#8 key encrypted with PBES2 under `password` (its UTF-8 bytes, as OpenSSL 3 and Java do). */
export async function shroudedKeyBag(
  pkcs8Der: Uint8Array,
  password: string,
  iterations: number,
  attributes: PKCS12Attribute[] = [],
  crypto: Crypto = defaultCrypto(),
): Promise<SafeBag> {
  const { algorithmDer, ciphertext } = await pbes2Encrypt(pkcs8Der, password, { iterations }, crypto);
  const info = new EncryptedPrivateKeyInfo({
    encryptionAlgorithm: AsnConvert.parse(algorithmDer, AlgorithmIdentifier),
    encryptedData: new OctetString(ciphertext),
  });
  return safeBag(id_pkcs8ShroudedKeyBag, AsnConvert.serialize(info), attributes);
}
