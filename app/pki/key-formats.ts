/**
 * Private key formats out (and the two legacy ones in): PKCS#8 plain or encrypted (RFC 5208/5958,
 * PBES2 per RFC 8018), PKCS#1 RSAPrivateKey (RFC 8017 A.1.2, "RSA PRIVATE KEY") and SEC1
 * ECPrivateKey (RFC 5915, "EC PRIVATE KEY"), as PEM or DER. PKCS#8 is the pivot: every key enters
 * as PKCS#8 and is rewrapped, never re-derived, so the key material stays byte for byte.
 */
import * as asn1js from 'asn1js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { EncryptedPrivateKeyInfo, PrivateKey, PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { ECParameters, ECPrivateKey } from '@peculiar/asn1-ecc';
import { RSAPrivateKey, rsaEncryption } from '@peculiar/asn1-rsa';
import { PkiError } from './errors.ts';
import { defaultCrypto } from './crypto.ts';
import { pbes2Encrypt, type Pbes2Options } from './pbes2.ts';
import { pemEncode } from './pem.ts';

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';

/** What a key can be written as. */
export type PrivateKeyFormat = 'pkcs8' | 'pkcs8-encrypted' | 'pkcs1' | 'sec1';

/** A key written out: its DER and the PEM label it goes under. */
export interface EncodedKey {
  der: Uint8Array;
  label: 'PRIVATE KEY' | 'ENCRYPTED PRIVATE KEY' | 'RSA PRIVATE KEY' | 'EC PRIVATE KEY';
}

function parsePkcs8(pkcs8Der: Uint8Array, field: string): PrivateKeyInfo {
  try {
    return AsnConvert.parse(pkcs8Der, PrivateKeyInfo);
  } catch (e) {
    throw new PkiError('invalid-key', field, 'This is not a PKCS#8 private key.', { cause: e });
  }
}

function curveOidOf(parameters: ArrayBuffer | null | undefined): string | undefined {
  if (!parameters) return undefined;
  const { result } = asn1js.fromBER(parameters);
  return result instanceof asn1js.ObjectIdentifier ? result.valueBlock.toString() : undefined;
}

/** PKCS#1 RSAPrivateKey DER of an RSA PKCS#8 key: the inner structure, unchanged. */
export function pkcs1FromPkcs8(pkcs8Der: Uint8Array, field = 'key'): Uint8Array {
  const info = parsePkcs8(pkcs8Der, field);
  if (info.privateKeyAlgorithm.algorithm !== OID_RSA) {
    throw new PkiError(
      'unsupported-algorithm',
      field,
      'PKCS#1 ("RSA PRIVATE KEY") holds RSA keys only; this key is not RSA. Use PKCS#8.',
    );
  }
  return new Uint8Array(info.privateKey.buffer);
}

/**
 * SEC1 ECPrivateKey DER of an EC PKCS#8 key, with the named curve and the public key present, as
 * `openssl ec` writes it (inside PKCS#8 both are optional and the curve lives outside).
 */
export function sec1FromPkcs8(pkcs8Der: Uint8Array, field = 'key'): Uint8Array {
  const info = parsePkcs8(pkcs8Der, field);
  if (info.privateKeyAlgorithm.algorithm !== OID_EC) {
    throw new PkiError(
      'unsupported-algorithm',
      field,
      'SEC1 ("EC PRIVATE KEY") holds EC keys only; this key is not an EC key. Use PKCS#8.',
    );
  }
  const curve = curveOidOf(info.privateKeyAlgorithm.parameters);
  if (!curve) throw new PkiError('invalid-key', field, 'This EC key names no curve.');
  const ec = AsnConvert.parse(info.privateKey.buffer, ECPrivateKey);
  ec.parameters = new ECParameters({ namedCurve: curve });
  return new Uint8Array(AsnConvert.serialize(ec));
}

/** PKCS#8 DER of a PKCS#1 RSAPrivateKey. */
export function pkcs8FromPkcs1(pkcs1Der: Uint8Array, field = 'key'): Uint8Array {
  try {
    AsnConvert.parse(pkcs1Der, RSAPrivateKey);
  } catch (e) {
    throw new PkiError('invalid-key', field, 'This "RSA PRIVATE KEY" is damaged.', { cause: e });
  }
  const info = new PrivateKeyInfo({ privateKeyAlgorithm: rsaEncryption, privateKey: new PrivateKey(pkcs1Der) });
  return new Uint8Array(AsnConvert.serialize(info));
}

/** PKCS#8 DER of a SEC1 ECPrivateKey; the curve moves to the PKCS#8 algorithm identifier. */
export function pkcs8FromSec1(sec1Der: Uint8Array, field = 'key'): Uint8Array {
  let ec: ECPrivateKey;
  try {
    ec = AsnConvert.parse(sec1Der, ECPrivateKey);
  } catch (e) {
    throw new PkiError('invalid-key', field, 'This "EC PRIVATE KEY" is damaged.', { cause: e });
  }
  const curve = ec.parameters?.namedCurve;
  if (!curve)
    throw new PkiError(
      'invalid-key',
      field,
      'This "EC PRIVATE KEY" names no curve (explicit curve parameters are not supported).',
    );
  ec.parameters = undefined;
  const info = new PrivateKeyInfo({
    privateKeyAlgorithm: new AlgorithmIdentifier({
      algorithm: OID_EC,
      parameters: new asn1js.ObjectIdentifier({ value: curve }).toBER(false),
    }),
    privateKey: new PrivateKey(AsnConvert.serialize(ec)),
  });
  return new Uint8Array(AsnConvert.serialize(info));
}

/** Encrypted PKCS#8 (EncryptedPrivateKeyInfo) DER: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC. */
export async function encryptPkcs8Der(
  pkcs8Der: Uint8Array,
  password: string,
  options: Pbes2Options = {},
  crypto: Crypto = defaultCrypto(),
): Promise<Uint8Array> {
  if (password.length === 0)
    throw new PkiError('invalid-argument', 'password', 'A password is required to encrypt a key and cannot be empty.');
  parsePkcs8(pkcs8Der, 'key');
  const { algorithmDer, ciphertext } = await pbes2Encrypt(pkcs8Der, password, options, crypto);
  const info = new EncryptedPrivateKeyInfo({
    encryptionAlgorithm: AsnConvert.parse(algorithmDer, AlgorithmIdentifier),
    encryptedData: new OctetString(ciphertext),
  });
  return new Uint8Array(AsnConvert.serialize(info));
}

export interface EncodeKeyOptions {
  /** Required for 'pkcs8-encrypted'. */
  password?: string;
  /** PBKDF2 iterations for 'pkcs8-encrypted' (pbes2.ts default otherwise). */
  iterations?: number;
}

/** Write a PKCS#8 key in `format`. Pair with `keyPem` for text or use `.der` for binary. */
export async function encodePrivateKey(
  pkcs8Der: Uint8Array,
  format: PrivateKeyFormat,
  options: EncodeKeyOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<EncodedKey> {
  switch (format) {
    case 'pkcs8':
      parsePkcs8(pkcs8Der, 'key');
      return { der: pkcs8Der, label: 'PRIVATE KEY' };
    case 'pkcs8-encrypted': {
      const iterations = options.iterations;
      const der = await encryptPkcs8Der(
        pkcs8Der,
        options.password ?? '',
        iterations === undefined ? {} : { iterations },
        crypto,
      );
      return { der, label: 'ENCRYPTED PRIVATE KEY' };
    }
    case 'pkcs1':
      return { der: pkcs1FromPkcs8(pkcs8Der), label: 'RSA PRIVATE KEY' };
    case 'sec1':
      return { der: sec1FromPkcs8(pkcs8Der), label: 'EC PRIVATE KEY' };
    default:
      throw new PkiError(
        'invalid-argument',
        'format',
        `Unknown key format "${String(format)}" (pkcs8, pkcs8-encrypted, pkcs1, sec1).`,
      );
  }
}

/** The PEM text of an encoded key. */
export function keyPem(key: EncodedKey): string {
  return pemEncode(key.label, key.der);
}
