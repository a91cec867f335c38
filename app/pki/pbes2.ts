/**
 * PBES2 (RFC 8018 §6.2) with PBKDF2: the encryption of encrypted PKCS#8 keys and of PKCS#12
 * shrouded key bags. Encrypting always uses PBKDF2-HMAC-SHA256 and AES-256-CBC (what OpenSSL 3
 * writes). Decrypting accepts the PRFs HMAC-SHA-1/224/256/384/512 and HMAC-SHA-512/224 and /256
 * (WebCrypto's PBKDF2 where it has the hash, ./legacy/pbkdf2.ts otherwise), AES-128/192/256-CBC
 * through WebCrypto, and DES-CBC, DES-EDE3-CBC and RC2-CBC through ./legacy; anything else is
 * refused by name with the `openssl` command that converts it.
 *
 * Algorithm identifiers cross this module as DER so callers need no particular ASN.1 classes.
 */
import * as asn1js from 'asn1js';
import { PkiError } from './errors.ts';
import { defaultCrypto } from './crypto.ts';
import { cbcDecrypt } from './legacy/cbc.ts';
import type { HashName } from './legacy/hashes.ts';
import { checkIterations, MAX_PBKDF2_ITERATIONS } from './legacy/iteration-limit.ts';
import { during, type Deadline } from './legacy/pause.ts';
import { passwordForms, type PasswordForm } from './legacy/password-forms.ts';
import { legacyPbes2Cipher, type LegacyPbes2Cipher } from './legacy/pbes2-ciphers.ts';
import { pbkdf2 } from './legacy/pbkdf2.ts';
import { unsupportedEncryption, type EncryptedThing } from './legacy/unsupported-names.ts';

export const OID_PBES2 = '1.2.840.113549.1.5.13';
export const OID_PBKDF2 = '1.2.840.113549.1.5.12';

/** RFC 8018 B.1.2 PRF OIDs. */
const PRF_BY_OID: Record<string, HashName> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.8': 'SHA-224',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
  '1.2.840.113549.2.12': 'SHA-512/224',
  '1.2.840.113549.2.13': 'SHA-512/256',
};
/** The PRF hashes WebCrypto's PBKDF2 runs natively (WebCrypto has no SHA-224 or SHA-512/t). */
const WEBCRYPTO_PBKDF2_HASHES = new Set<HashName>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);
const AES_CBC_BY_OID: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 128,
  '2.16.840.1.101.3.4.1.22': 192,
  '2.16.840.1.101.3.4.1.42': 256,
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
    value: params
      ? [new asn1js.ObjectIdentifier({ value: oid }), params]
      : [new asn1js.ObjectIdentifier({ value: oid })],
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

type Pbes2Cipher = { kind: 'aes'; bits: number; iv: Uint8Array } | { kind: 'legacy'; cipher: LegacyPbes2Cipher };

interface ParsedPbes2 {
  salt: Uint8Array;
  iterations: number;
  prf: HashName;
  keyBytes: number;
  cipher: Pbes2Cipher;
}

/** An AlgorithmIdentifier's OID and parameters. */
export function parseAlgorithm(der: ArrayBuffer | Uint8Array): { oid: string; params: asn1js.AsnType | undefined } {
  const parsed = asn1js.fromBER(der instanceof Uint8Array ? bytes(der) : der);
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

function parsePbes2Params(params: asn1js.AsnType | undefined, thing: EncryptedThing): ParsedPbes2 {
  const bad = () => new PkiError('invalid-der', 'encryption', 'The PBES2 parameters are malformed.');
  const [kdf, scheme] = childrenOf(params);
  const [kdfOid, kdfParams] = childrenOf(kdf);
  if (!(kdfOid instanceof asn1js.ObjectIdentifier)) throw bad();
  if (kdfOid.valueBlock.toString() !== OID_PBKDF2)
    throw unsupportedEncryption(kdfOid.valueBlock.toString(), 'key derivation', thing);
  const kdfFields = childrenOf(kdfParams);
  const salt = kdfFields[0];
  const count = kdfFields[1];
  if (!(salt instanceof asn1js.OctetString) || !(count instanceof asn1js.Integer)) throw bad();
  let prf: HashName = 'SHA-1';
  let keyLength: number | undefined;
  for (const field of kdfFields.slice(2)) {
    if (field instanceof asn1js.Integer) keyLength = field.valueBlock.valueDec;
    const [prfOid] = childrenOf(field);
    if (prfOid instanceof asn1js.ObjectIdentifier) {
      const hash = PRF_BY_OID[prfOid.valueBlock.toString()];
      if (!hash) throw unsupportedEncryption(prfOid.valueBlock.toString(), 'hash', thing);
      prf = hash;
    }
  }
  if (keyLength !== undefined && (keyLength < 1 || keyLength > 128)) throw bad();
  const [schemeOid, schemeParams] = childrenOf(scheme);
  if (!(schemeOid instanceof asn1js.ObjectIdentifier)) throw bad();
  const oid = schemeOid.valueBlock.toString();
  // toBigInt, not valueDec: asn1js reads an INTEGER of 4 or more octets (8,388,608 and up) as 0.
  const iterations = Number(count.toBigInt());
  checkIterations(iterations, 'PBKDF2', MAX_PBKDF2_ITERATIONS);
  const aesBits = AES_CBC_BY_OID[oid];
  if (aesBits) {
    if (!(schemeParams instanceof asn1js.OctetString) || schemeParams.valueBlock.valueHexView.byteLength !== 16)
      throw bad();
    return {
      salt: salt.valueBlock.valueHexView,
      iterations,
      prf,
      keyBytes: aesBits / 8,
      cipher: { kind: 'aes', bits: aesBits, iv: schemeParams.valueBlock.valueHexView },
    };
  }
  const legacy = legacyPbes2Cipher(oid, schemeParams, keyLength);
  if (!legacy) throw unsupportedEncryption(oid, 'cipher', thing);
  return {
    salt: salt.valueBlock.valueHexView,
    iterations,
    prf,
    keyBytes: keyLength ?? legacy.keyBytes,
    cipher: { kind: 'legacy', cipher: legacy },
  };
}

/** PBKDF2 key bytes: WebCrypto's native PBKDF2 for its hashes, the synchronous one for SHA-224 and SHA-512/t. */
async function deriveKeyBytes(
  password: Uint8Array,
  p: ParsedPbes2,
  crypto: Crypto,
  deadline?: Deadline,
): Promise<Uint8Array<ArrayBuffer>> {
  const activity = `deriving the PBES2 key (${p.iterations.toLocaleString('en')} iterations of HMAC-${p.prf})`;
  return during(deadline, activity, async () => {
    if (WEBCRYPTO_PBKDF2_HASHES.has(p.prf)) {
      const base = await crypto.subtle.importKey('raw', bytes(password), 'PBKDF2', false, ['deriveBits']);
      return new Uint8Array(
        await crypto.subtle.deriveBits(
          { name: 'PBKDF2', salt: bytes(p.salt), iterations: p.iterations, hash: p.prf },
          base,
          p.keyBytes * 8,
        ),
      );
    }
    const key = await pbkdf2(p.prf, password, p.salt, p.iterations, p.keyBytes, deadline);
    if (!key)
      throw new PkiError('input-too-large', 'file', `Reading was stopped while ${activity}: the time budget ran out.`);
    return key;
  });
}

function wrongPassword(cause?: unknown): PkiError {
  return new PkiError('wrong-password', 'password', 'Wrong password: the data could not be decrypted with it.', {
    cause,
  });
}

/**
 * Decrypt PBES2 ciphertext. A padding failure, which is what a wrong password produces, becomes
 * a `wrong-password` error; an unsupported scheme an `unsupported-encryption` error naming it.
 * `password` is the typed text (taken as UTF-8) or one of its byte forms (./legacy/password-forms.ts).
 */
export async function pbes2Decrypt(
  algorithmDer: ArrayBuffer | Uint8Array,
  ciphertext: ArrayBuffer | Uint8Array,
  password: string | PasswordForm,
  crypto: Crypto = defaultCrypto(),
  deadline?: Deadline,
  thing: EncryptedThing = 'key',
): Promise<ArrayBuffer> {
  const { oid, params } = parseAlgorithm(algorithmDer);
  if (oid !== OID_PBES2) throw unsupportedEncryption(oid, 'encryption scheme', thing);
  const p = parsePbes2Params(params, thing);
  const passwordBytes = typeof password === 'string' ? passwordForms(password)[0]!.bytes : password.bytes;
  const keyBytes = await deriveKeyBytes(passwordBytes, p, crypto, deadline);
  const data = ciphertext instanceof Uint8Array ? ciphertext : new Uint8Array(ciphertext);
  const cipher = p.cipher;
  if (cipher.kind === 'legacy') {
    const plain = cbcDecrypt(cipher.cipher.make(keyBytes), cipher.cipher.iv, data);
    if (!plain) throw wrongPassword();
    return plain.buffer;
  }
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-CBC', length: cipher.bits }, false, [
    'decrypt',
  ]);
  try {
    return await crypto.subtle.decrypt({ name: 'AES-CBC', iv: bytes(cipher.iv) }, key, bytes(data));
  } catch (e) {
    throw wrongPassword(e);
  }
}

/**
 * pbes2Decrypt for a plaintext that must be one DER SEQUENCE: a PrivateKeyInfo or a PKCS#12
 * SafeContents. A wrong password usually fails the CBC padding check, but about one time in 256
 * the padding comes out valid and the plaintext is noise; that is a wrong password as well, not
 * an 'invalid-der' further on.
 */
export async function pbes2DecryptDer(
  algorithmDer: ArrayBuffer | Uint8Array,
  ciphertext: ArrayBuffer | Uint8Array,
  password: string | PasswordForm,
  crypto: Crypto = defaultCrypto(),
): Promise<ArrayBuffer> {
  const plain = await pbes2Decrypt(algorithmDer, ciphertext, password, crypto);
  if (!isOneDerSequence(new Uint8Array(plain))) {
    throw new PkiError(
      'wrong-password',
      'password',
      'Wrong password: what it decrypts to is not a key or a certificate bag.',
    );
  }
  return plain;
}

/** True when `b` is exactly one SEQUENCE with a definite DER length (header and content fill it). */
export function isOneDerSequence(b: Uint8Array): boolean {
  if (b.length < 2 || b[0] !== 0x30) return false;
  const first = b[1]!;
  if (first < 0x80) return 2 + first === b.length;
  const lengthBytes = first & 0x7f;
  if (lengthBytes === 0 || lengthBytes > 4 || 2 + lengthBytes > b.length) return false;
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + b[2 + i]!;
  return 2 + lengthBytes + length === b.length;
}
