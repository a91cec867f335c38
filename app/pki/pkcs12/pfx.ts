/**
 * The outer PFX (RFC 7292 §4): version 3, the AuthenticatedSafe as a Data ContentInfo, and a
 * password-integrity MacData: HMAC-SHA256 keyed by the PKCS#12 KDF (ID 3) over the BMPString
 * password, the MAC OpenSSL 3 and Java 17 write by default.
 */
import * as asn1js from 'asn1js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, id_data } from '@peculiar/asn1-cms';
import { AuthenticatedSafe, MacData, PFX } from '@peculiar/asn1-pfx';
import { DigestInfo, sha256 } from '@peculiar/asn1-rsa';
import { defaultCrypto } from '../crypto.ts';
import { PKCS12_KDF_ID, bmpPassword, pkcs12Kdf } from './kdf.ts';

/** Salt length of the MAC key derivation; OpenSSL uses 8 bytes, we take 16 (RFC 8018 suggests at least 8). */
const MAC_SALT_BYTES = 16;

/** HMAC-SHA256 over `data` with the PKCS#12-KDF key of `password`, `salt` and `iterations`. */
export async function pkcs12Mac(
  data: ArrayBuffer,
  password: string,
  salt: Uint8Array,
  iterations: number,
  crypto: Crypto = defaultCrypto(),
): Promise<ArrayBuffer> {
  const keyBytes = await pkcs12Kdf(
    { password: bmpPassword(password), salt, id: PKCS12_KDF_ID.macKey, iterations, length: 32, hash: 'SHA-256' },
    crypto,
  );
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', key, data);
}

/** Assemble the PFX around `contents` and seal it with the MAC. Returns the DER. */
export async function assemblePfx(
  contents: ContentInfo[],
  password: string,
  iterations: number,
  crypto: Crypto = defaultCrypto(),
): Promise<Uint8Array> {
  const authSafeDer = AsnConvert.serialize(new AuthenticatedSafe(contents));
  const salt = crypto.getRandomValues(new Uint8Array(MAC_SALT_BYTES));
  const mac = await pkcs12Mac(authSafeDer, password, salt, iterations, crypto);
  const pfx = new PFX({
    version: 3,
    authSafe: new ContentInfo({
      contentType: id_data,
      content: new asn1js.OctetString({ valueHex: authSafeDer }).toBER(false),
    }),
    macData: new MacData({
      mac: new DigestInfo({ digestAlgorithm: sha256, digest: new OctetString(mac) }),
      macSalt: new OctetString(salt),
      iterations,
    }),
  });
  return new Uint8Array(AsnConvert.serialize(pfx));
}
