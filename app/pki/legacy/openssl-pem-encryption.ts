/**
 * OpenSSL's traditional PEM encryption ("Proc-Type: 4,ENCRYPTED" and "DEK-Info: CIPHER,IV" on an
 * RSA, EC or DSA PRIVATE KEY block; `openssl genrsa -des3`, `openssl rsa -aes128 -traditional`,
 * OpenSSL 1.x's default for encrypted keys). The key is EVP_BytesToKey with MD5 and one round
 * over the password and the IV's first 8 bytes as salt (OpenSSL crypto/pem/pem_lib.c,
 * PEM_do_header; crypto/evp/evp_key.c): D1 = MD5(P ‖ S), Di = MD5(Di−1 ‖ P ‖ S), key = D1 ‖ D2 …
 */
import { PkiError } from '../errors.ts';
import { cbcDecrypt } from './cbc.ts';
import { Des, TripleDes } from './des.ts';
import { Md5 } from './md5.ts';

interface PemCipher {
  keyBytes: number;
  ivBytes: number;
  decrypt: (key: Uint8Array, iv: Uint8Array, data: Uint8Array, crypto: Crypto) => Promise<Uint8Array | null>;
}

async function aesCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array, crypto: Crypto): Promise<Uint8Array | null> {
  const k = await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-CBC', false, ['decrypt']);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(iv) }, k, new Uint8Array(data)),
    );
  } catch {
    return null; // Bad padding: a wrong password.
  }
}

/** DEK-Info cipher names OpenSSL writes, as it spells them. */
const CIPHERS: Record<string, PemCipher> = {
  'DES-CBC': { keyBytes: 8, ivBytes: 8, decrypt: (k, iv, d) => Promise.resolve(cbcDecrypt(new Des(k), iv, d)) },
  'DES-EDE3-CBC': {
    keyBytes: 24,
    ivBytes: 8,
    decrypt: (k, iv, d) => Promise.resolve(cbcDecrypt(new TripleDes(k), iv, d)),
  },
  'DES-EDE-CBC': {
    keyBytes: 16,
    ivBytes: 8,
    decrypt: (k, iv, d) => Promise.resolve(cbcDecrypt(new TripleDes(k), iv, d)),
  },
  'AES-128-CBC': { keyBytes: 16, ivBytes: 16, decrypt: aesCbc },
  'AES-192-CBC': { keyBytes: 24, ivBytes: 16, decrypt: aesCbc },
  'AES-256-CBC': { keyBytes: 32, ivBytes: 16, decrypt: aesCbc },
};

/** True for a PEM block with OpenSSL's traditional encryption headers. */
export function isTraditionallyEncrypted(headers: Record<string, string>): boolean {
  return /ENCRYPTED/i.test(headers['Proc-Type'] ?? '');
}

/** EVP_BytesToKey(MD5, count 1): `length` bytes from the password and an 8-byte salt. */
function bytesToKey(password: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let previous = new Uint8Array(0);
  for (let at = 0; at < length; at += 16) {
    previous = new Md5().update(previous).update(password).update(salt).digest();
    out.set(previous.subarray(0, Math.min(16, length - at)), at);
  }
  return out;
}

/**
 * The plain key DER of a traditionally encrypted block. Throws 'wrong-password' (bad padding or
 * no DER SEQUENCE comes out), 'unsupported-encryption' naming a cipher certbench lacks, and
 * 'invalid-pem' for a malformed DEK-Info.
 */
export async function decryptTraditionalKey(
  label: string,
  headers: Record<string, string>,
  der: Uint8Array,
  password: string,
  crypto: Crypto,
): Promise<Uint8Array> {
  const [name = '', ivHex = ''] = (headers['DEK-Info'] ?? '').split(',').map((s) => s.trim());
  const cipher = CIPHERS[name.toUpperCase()];
  if (!cipher) {
    throw new PkiError(
      'unsupported-encryption',
      'encryption',
      `This ${label} is encrypted the traditional OpenSSL way with ${name || 'an unnamed cipher'}, which certbench does not decrypt. Convert it with OpenSSL 3: \`openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc -in key.pem -out key-aes.pem\`.`,
    );
  }
  if (!new RegExp(`^[0-9a-fA-F]{${cipher.ivBytes * 2}}$`).test(ivHex)) {
    throw new PkiError(
      'invalid-pem',
      'file',
      `This ${label}'s DEK-Info header does not carry a ${cipher.ivBytes}-byte IV in hex.`,
    );
  }
  const iv = Uint8Array.from(ivHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const key = bytesToKey(new TextEncoder().encode(password), iv.subarray(0, 8), cipher.keyBytes);
  const plain = await cipher.decrypt(key, iv, der, crypto);
  if (!plain || plain[0] !== 0x30)
    throw new PkiError('wrong-password', 'password', `Wrong password: this ${label} could not be decrypted with it.`);
  return plain;
}
