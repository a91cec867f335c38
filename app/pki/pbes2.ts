/**
 * PBES2 (RFC 8018 §6.2) with PBKDF2 and AES-CBC: the encryption of encrypted PKCS#8 keys and of
 * PKCS#12 shrouded key bags. Encrypting always uses PBKDF2-HMAC-SHA256 and AES-256-CBC (what
 * OpenSSL 3 writes); decrypting accepts the PRFs HMAC-SHA1/224/256/384/512 and AES-128/192/256-CBC,
 * and names any other scheme so the user learns which `openssl` conversion to run.
 *
 * Algorithm identifiers cross this module as DER so callers need no particular ASN.1 classes.
 */
import * as asn1js from 'asn1js';
import { PkiError } from './errors.ts';
import { defaultCrypto } from './crypto.ts';

export const OID_PBES2 = '1.2.840.113549.1.5.13';
export const OID_PBKDF2 = '1.2.840.113549.1.5.12';

const PRF_BY_OID: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.8': 'SHA-224',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const AES_CBC_BY_OID: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 128,
  '2.16.840.1.101.3.4.1.22': 192,
  '2.16.840.1.101.3.4.1.42': 256,
};
/** Names of schemes we meet in old files but WebCrypto cannot run. */
export const UNSUPPORTED_CIPHERS: Record<string, string> = {
  '1.2.840.113549.3.7': '3DES (DES-EDE3-CBC)',
  '1.3.14.3.2.7': 'DES-CBC',
  '1.2.840.113549.3.2': 'RC2-CBC',
  '1.2.840.113549.1.12.1.1': 'PBE-SHA1-RC4-128 (PKCS#12 PBES1)',
  '1.2.840.113549.1.12.1.2': 'PBE-SHA1-RC4-40 (PKCS#12 PBES1)',
  '1.2.840.113549.1.12.1.3': 'PBE-SHA1-3DES (PKCS#12 PBES1)',
  '1.2.840.113549.1.12.1.4': 'PBE-SHA1-2DES (PKCS#12 PBES1)',
  '1.2.840.113549.1.12.1.5': 'PBE-SHA1-RC2-128 (PKCS#12 PBES1)',
  '1.2.840.113549.1.12.1.6': 'PBE-SHA1-RC2-40 (PKCS#12 PBES1)',
  '1.2.840.113549.1.5.3': 'PBE-MD5-DES (PKCS#5 PBES1)',
  '1.2.840.113549.1.5.10': 'PBE-SHA1-DES (PKCS#5 PBES1)',
};

const OID_HMAC_SHA256 = '1.2.840.113549.2.9';
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

export interface Pbes2Options {
  /** PBKDF2 iterations; 600,000 by default (OWASP 2023 for PBKDF2-HMAC-SHA256). */
  iterations?: number;
  /** Fixed salt and IV, for byte-for-byte tests only. */
  salt?: Uint8Array;
  iv?: Uint8Array;
}

export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

function algorithmIdentifier(oid: string, params?: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: params ? [new asn1js.ObjectIdentifier({ value: oid }), params] : [new asn1js.ObjectIdentifier({ value: oid })],
  });
}

function bytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

async function deriveAesKey(
  password: string,
  salt: Uint8Array,
  iterations: number,
  prfHash: string,
  aesBits: number,
  usage: KeyUsage,
  crypto: Crypto,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: bytes(salt), iterations, hash: prfHash },
    base,
    { name: 'AES-CBC', length: aesBits },
    false,
    [usage],
  );
}

/** Encrypt with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC). Returns the AlgorithmIdentifier as DER and the ciphertext. */
export async function pbes2Encrypt(
  plain: ArrayBuffer | Uint8Array,
  password: string,
  options: Pbes2Options = {},
  crypto: Crypto = defaultCrypto(),
): Promise<{ algorithmDer: ArrayBuffer; ciphertext: ArrayBuffer }> {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new PkiError('invalid-argument', 'iterations', 'PBKDF2 iterations must be a positive whole number.');
  }
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const iv = options.iv ?? crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveAesKey(password, salt, iterations, 'SHA-256', 256, 'encrypt', crypto);
  const data = plain instanceof Uint8Array ? bytes(plain) : plain;
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-CBC', iv: bytes(iv) }, key, data);
  const kdf = algorithmIdentifier(
    OID_PBKDF2,
    new asn1js.Sequence({
      value: [
        new asn1js.OctetString({ valueHex: bytes(salt) }),
        new asn1js.Integer({ value: iterations }),
        new asn1js.Integer({ value: 32 }),
        algorithmIdentifier(OID_HMAC_SHA256, new asn1js.Null()),
      ],
    }),
  );
  const scheme = algorithmIdentifier(OID_AES256_CBC, new asn1js.OctetString({ valueHex: bytes(iv) }));
  const algorithm = algorithmIdentifier(OID_PBES2, new asn1js.Sequence({ value: [kdf, scheme] }));
  return { algorithmDer: algorithm.toBER(false), ciphertext };
}

function unsupported(oid: string, what: string): PkiError {
  const name = UNSUPPORTED_CIPHERS[oid] ?? `${what} ${oid}`;
  return new PkiError(
    'unsupported-encryption',
    'encryption',
    `This file is encrypted with ${name}, which browsers' WebCrypto cannot decrypt. Convert it with OpenSSL 3 first, e.g. \`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes.pem\` for a key or \`openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12\` for a PKCS#12 file.`,
  );
}

interface ParsedPbes2 {
  salt: Uint8Array;
  iterations: number;
  prfHash: string;
  aesBits: number;
  iv: Uint8Array;
}

function parseAlgorithm(der: ArrayBuffer): { oid: string; params: asn1js.AsnType | undefined } {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
    throw new PkiError('invalid-der', 'encryption', 'The encryption algorithm identifier is not valid DER.');
  }
  const [oid, params] = parsed.result.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier)) {
    throw new PkiError('invalid-der', 'encryption', 'The encryption algorithm identifier has no OID.');
  }
  return { oid: oid.valueBlock.toString(), params };
}

function childrenOf(node: asn1js.AsnType | undefined): asn1js.AsnType[] {
  return node instanceof asn1js.Sequence ? node.valueBlock.value : [];
}

function parsePbes2Params(params: asn1js.AsnType | undefined): ParsedPbes2 {
  const bad = () => new PkiError('invalid-der', 'encryption', 'The PBES2 parameters are malformed.');
  const [kdf, scheme] = childrenOf(params);
  const [kdfOid, kdfParams] = childrenOf(kdf);
  if (!(kdfOid instanceof asn1js.ObjectIdentifier)) throw bad();
  if (kdfOid.valueBlock.toString() !== OID_PBKDF2) throw unsupported(kdfOid.valueBlock.toString(), 'key derivation');
  const kdfFields = childrenOf(kdfParams);
  const salt = kdfFields[0];
  const count = kdfFields[1];
  if (!(salt instanceof asn1js.OctetString) || !(count instanceof asn1js.Integer)) throw bad();
  let prfHash = 'SHA-1';
  for (const field of kdfFields.slice(2)) {
    const [prfOid] = childrenOf(field);
    if (prfOid instanceof asn1js.ObjectIdentifier) {
      const hash = PRF_BY_OID[prfOid.valueBlock.toString()];
      if (!hash) throw unsupported(prfOid.valueBlock.toString(), 'PRF');
      prfHash = hash;
    }
  }
  const [schemeOid, iv] = childrenOf(scheme);
  if (!(schemeOid instanceof asn1js.ObjectIdentifier)) throw bad();
  const aesBits = AES_CBC_BY_OID[schemeOid.valueBlock.toString()];
  if (!aesBits) throw unsupported(schemeOid.valueBlock.toString(), 'cipher');
  if (!(iv instanceof asn1js.OctetString) || iv.valueBlock.valueHexView.byteLength !== 16) throw bad();
  const iterations = count.valueBlock.valueDec;
  if (iterations < 1 || iterations > 10_000_000) {
    throw new PkiError('invalid-argument', 'encryption', `The PBKDF2 iteration count ${iterations} is out of bounds (1 to 10,000,000).`);
  }
  return { salt: salt.valueBlock.valueHexView, iterations, prfHash, aesBits, iv: iv.valueBlock.valueHexView };
}

/**
 * Decrypt PBES2 ciphertext. A padding failure, which is what a wrong password produces, becomes
 * a `wrong-password` error; an unsupported scheme an `unsupported-encryption` error naming it.
 */
export async function pbes2Decrypt(
  algorithmDer: ArrayBuffer,
  ciphertext: ArrayBuffer | Uint8Array,
  password: string,
  crypto: Crypto = defaultCrypto(),
): Promise<ArrayBuffer> {
  const { oid, params } = parseAlgorithm(algorithmDer);
  if (oid !== OID_PBES2) throw unsupported(oid, 'encryption scheme');
  const p = parsePbes2Params(params);
  const key = await deriveAesKey(password, p.salt, p.iterations, p.prfHash, p.aesBits, 'decrypt', crypto);
  try {
    const data = ciphertext instanceof Uint8Array ? bytes(ciphertext) : ciphertext;
    return await crypto.subtle.decrypt({ name: 'AES-CBC', iv: bytes(p.iv) }, key, data);
  } catch (e) {
    throw new PkiError('wrong-password', 'password', 'Wrong password: the data could not be decrypted with it.', { cause: e });
  }
}

/**
 * pbes2Decrypt for a plaintext that must be one DER SEQUENCE: a PrivateKeyInfo or a PKCS#12
 * SafeContents. A wrong password usually fails the CBC padding check, but about one time in 256
 * the padding comes out valid and the plaintext is noise; that is a wrong password as well, not
 * an 'invalid-der' further on.
 */
export async function pbes2DecryptDer(
  algorithmDer: ArrayBuffer,
  ciphertext: ArrayBuffer | Uint8Array,
  password: string,
  crypto: Crypto = defaultCrypto(),
): Promise<ArrayBuffer> {
  const plain = await pbes2Decrypt(algorithmDer, ciphertext, password, crypto);
  if (!isOneDerSequence(new Uint8Array(plain))) {
    throw new PkiError('wrong-password', 'password', 'Wrong password: what it decrypts to is not a key or a certificate bag.');
  }
  return plain;
}

/** True when `b` is exactly one SEQUENCE with a definite DER length (header and content fill it). */
function isOneDerSequence(b: Uint8Array): boolean {
  if (b.length < 2 || b[0] !== 0x30) return false;
  const first = b[1]!;
  if (first < 0x80) return 2 + first === b.length;
  const lengthBytes = first & 0x7f;
  if (lengthBytes === 0 || lengthBytes > 4 || 2 + lengthBytes > b.length) return false;
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + b[2 + i]!;
  return 2 + lengthBytes + length === b.length;
}
