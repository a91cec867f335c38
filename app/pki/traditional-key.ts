/**
 * OpenSSL's traditional key files ("RSA PRIVATE KEY" from OpenSSL 1.x `genrsa`, "EC PRIVATE KEY"
 * from `ecparam -genkey`) wrapped into PKCS#8, the only private key format WebCrypto imports.
 * RSA: RFC 8017 RSAPrivateKey under rsaEncryption; EC: RFC 5915 ECPrivateKey under
 * id-ecPublicKey with the curve taken from the key's own parameters.
 */
import { PkiError } from './errors.ts';
import { childrenOf, isContext, isUniversal, readTlv, TAG as ASN1, tlvView } from './asn1/tlv.ts';
import { tlv, TAG } from './der-writer.ts';
import type { PemBlock } from './pem.ts';

const RSA_ENCRYPTION = new Uint8Array([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]);
const EC_PUBLIC_KEY = new Uint8Array([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);
const NULL = new Uint8Array([0x05, 0x00]);
const VERSION_0 = new Uint8Array([0x02, 0x01, 0x00]);

export const TRADITIONAL_LABELS = ['RSA PRIVATE KEY', 'EC PRIVATE KEY'];

/** PKCS#8 DER of a traditional key block; PkiError naming the fix for encrypted or damaged ones. */
export function traditionalToPkcs8(block: PemBlock): ArrayBuffer {
  if (block.headers['Proc-Type']?.includes('ENCRYPTED')) {
    throw new PkiError(
      'unsupported-encryption',
      'key',
      // Here there is no password to ask for; readers that have one decrypt it (legacy/openssl-pem-encryption.ts).
      `This ${block.label} is encrypted the traditional OpenSSL way (Proc-Type: 4,ENCRYPTED) and this step takes a plain key. Give it where a key password is asked, or convert it: \`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem\`.`,
    );
  }
  const der = new Uint8Array(block.der);
  try {
    if (block.label === 'RSA PRIVATE KEY') {
      readTlv(der, 0);
      return tlv(TAG.SEQUENCE, VERSION_0, tlv(TAG.SEQUENCE, RSA_ENCRYPTION, NULL), tlv(TAG.OCTET_STRING, der)).buffer;
    }
    const params = childrenOf(der, readTlv(der, 0)).find((t) => isContext(t, 0));
    const curve = params ? childrenOf(der, params)[0] : undefined;
    if (!isUniversal(curve, ASN1.OID)) throw new Error('no named curve');
    return tlv(
      TAG.SEQUENCE,
      VERSION_0,
      tlv(TAG.SEQUENCE, EC_PUBLIC_KEY, tlvView(der, curve)),
      tlv(TAG.OCTET_STRING, der),
    ).buffer;
  } catch (e) {
    throw new PkiError(
      'invalid-key',
      'key',
      `This ${block.label} is damaged or uses explicit curve parameters; convert it with \`openssl pkcs8 -topk8 -nocrypt\`.`,
      { cause: e },
    );
  }
}
