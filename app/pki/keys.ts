/**
 * Key pairs: generate, export as PKCS#8, import from PKCS#8 (figuring out which algorithm the key
 * is for), and derive the public key of a private one. Which algorithms the runtime really runs is
 * detected, never assumed: Ed25519 is only offered where a key can be made and used.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { RSAPrivateKey } from '@peculiar/asn1-rsa';
import { KEY_ALGORITHMS, type KeyAlgorithm, type KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import * as asn1js from 'asn1js';
import { traditionalToPkcs8, TRADITIONAL_LABELS } from './traditional-key.ts';
import { parseMlDsaPkcs8 } from './ml-dsa/encodings.ts';
import { mlDsaOfOid } from './ml-dsa/params.ts';
import { mlDsaPublicKeyOf } from './ml-dsa/routed-crypto.ts';

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
/** Named curves (RFC 5480 §2.1.1.1) to our ids. */
const CURVE_BY_OID: Record<string, KeyAlgorithmId> = {
  '1.2.840.10045.3.1.7': 'p256',
  '1.3.132.0.34': 'p384',
  '1.3.132.0.35': 'p521',
};

const RSA_BY_BITS: Record<number, KeyAlgorithmId> = { 2048: 'rsa2048', 3072: 'rsa3072', 4096: 'rsa4096' };

/** ML-DSA parameter sets (RFC 9881 §2 OIDs) to our ids, through the KEY_ALGORITHMS entry of the same WebCrypto name. */
function mlDsaIdOfOid(oid: string): KeyAlgorithmId | undefined {
  const name = mlDsaOfOid(oid)?.name;
  return name ? KEY_ALGORITHMS.find((a) => a.family === 'ml-dsa' && a.generate.name === name)?.id : undefined;
}

/** The KEY_ALGORITHMS entry of an id; a PkiError on 'algorithm' for anything else. */
export function keyAlgorithm(id: KeyAlgorithmId): KeyAlgorithm {
  const found = KEY_ALGORITHMS.find((a) => a.id === id);
  if (!found) {
    const known = KEY_ALGORITHMS.map((a) => a.id).join(', ');
    throw new PkiError(
      'unsupported-algorithm',
      'algorithm',
      `"${String(id)}" is not a key algorithm certbench knows (${known}).`,
    );
  }
  return found;
}

/** Parameters for importing a private key of this algorithm so it can sign. */
function importParams(alg: KeyAlgorithm): Algorithm | EcKeyImportParams | RsaHashedImportParams {
  const g = alg.generate;
  if (alg.family === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (alg.family === 'ec') return { name: 'ECDSA', namedCurve: (g as EcKeyGenParams).namedCurve };
  if (alg.family === 'ml-dsa') return { name: g.name };
  return { name: 'Ed25519' };
}

/** A fresh extractable key pair. Fails with 'unsupported-algorithm' when the runtime cannot. */
export async function generateKeyPair(alg: KeyAlgorithmId, crypto: Crypto = defaultCrypto()): Promise<CryptoKeyPair> {
  const a = keyAlgorithm(alg);
  try {
    return (await crypto.subtle.generateKey(a.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (e) {
    throw new PkiError('unsupported-algorithm', 'algorithm', `This runtime cannot make ${a.label} keys.`, { cause: e });
  }
}

// Which algorithms this runtime runs: key-support.ts, free of ASN.1 code (the first view's worker call).
export { supportedKeyAlgorithms } from './key-support.ts';

/** The private key as an unencrypted PKCS#8 PEM ("PRIVATE KEY"). */
export async function exportPkcs8Pem(privateKey: CryptoKey, crypto: Crypto = defaultCrypto()): Promise<string> {
  return pemEncode('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', privateKey));
}

function parsePrivateKeyInfo(pkcs8Der: ArrayBuffer | Uint8Array): PrivateKeyInfo {
  try {
    return AsnConvert.parse(pkcs8Der, PrivateKeyInfo);
  } catch (e) {
    throw new PkiError('invalid-key', 'key', 'This is not a PKCS#8 private key.', { cause: e });
  }
}

/**
 * Which of our algorithms a PKCS#8 key is for, from its AlgorithmIdentifier (the curve for EC,
 * the modulus size for RSA). 'unsupported-algorithm' for anything else (RSA 1024, Ed448, brainpool).
 */
export function pkcs8AlgorithmId(pkcs8Der: ArrayBuffer | Uint8Array): KeyAlgorithmId {
  const info = parsePrivateKeyInfo(pkcs8Der);
  const oid = info.privateKeyAlgorithm.algorithm;
  if (oid === OID_ED25519) return 'ed25519';
  const mlDsa = mlDsaIdOfOid(oid);
  if (mlDsa) return mlDsa;
  if (oid === OID_EC) {
    const params = info.privateKeyAlgorithm.parameters;
    const curve = params ? curveOid(params) : undefined;
    const id = curve ? CURVE_BY_OID[curve] : undefined;
    if (!id)
      throw new PkiError(
        'unsupported-algorithm',
        'key',
        `EC keys on curve ${curve ?? '(unnamed)'} are not supported; use P-256, P-384 or P-521.`,
      );
    return id;
  }
  if (oid === OID_RSA) {
    const bits = rsaModulusBits(info.privateKey.buffer);
    const id = RSA_BY_BITS[bits];
    if (!id)
      throw new PkiError(
        'unsupported-algorithm',
        'key',
        `RSA keys of ${bits} bits are not supported; use 2048, 3072 or 4096.`,
      );
    return id;
  }
  throw new PkiError(
    'unsupported-algorithm',
    'key',
    `Keys of algorithm ${oid} are not supported (RSA, ECDSA, Ed25519 and ML-DSA are).`,
  );
}

function curveOid(params: ArrayBuffer): string | undefined {
  const { result } = asn1js.fromBER(params);
  return result instanceof asn1js.ObjectIdentifier ? result.valueBlock.toString() : undefined;
}

function rsaModulusBits(rsaPrivateKeyDer: ArrayBuffer): number {
  try {
    const key = AsnConvert.parse(rsaPrivateKeyDer, RSAPrivateKey);
    let n = new Uint8Array(key.modulus);
    while (n.length && n[0] === 0) n = n.subarray(1);
    return n.length * 8 - Math.clz32(n[0] ?? 0) + 24;
  } catch (e) {
    throw new PkiError('invalid-key', 'key', 'The RSA private key inside this PKCS#8 is damaged.', { cause: e });
  }
}

/**
 * Import a PKCS#8 private key for signing, and say which algorithm it is for. The key is
 * extractable so its public half can be derived (CSR, key/cert matching).
 */
export async function importPrivateKey(
  pkcs8Der: ArrayBuffer,
  crypto: Crypto = defaultCrypto(),
): Promise<{ privateKey: CryptoKey; algorithm: KeyAlgorithmId }> {
  const algorithm = pkcs8AlgorithmId(pkcs8Der);
  const a = keyAlgorithm(algorithm);
  // Malformed ML-DSA keys get the reader's own words (sizes, RFC 9881 forms), not WebCrypto's.
  if (a.family === 'ml-dsa') parseMlDsaPkcs8(new Uint8Array(pkcs8Der));
  try {
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8Der, importParams(a), true, ['sign']);
    return { privateKey, algorithm };
  } catch (e) {
    // An ML-DSA key in the both form whose seed and expanded key disagree says so (RFC 9881 §6).
    const why =
      a.family === 'ml-dsa' && e instanceof Error && e.name === 'DataError'
        ? e.message
        : 'it is damaged or not what its header says.';
    throw new PkiError('invalid-key', 'key', `This ${a.label} private key cannot be loaded: ${why}`, { cause: e });
  }
}

/** JWK members of a private key that the public key must not carry. */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

/**
 * The SubjectPublicKeyInfo (DER) of a PKCS#8 private key, derived through JWK: WebCrypto has no
 * "public from private", but a private JWK carries the public members. Used by the reader and
 * by PKCS#12 export to check that a key and a certificate belong together.
 */
export async function publicKeyFromPrivate(
  pkcs8Der: ArrayBuffer,
  crypto: Crypto = defaultCrypto(),
): Promise<ArrayBuffer> {
  const { privateKey, algorithm } = await importPrivateKey(pkcs8Der, crypto);
  return crypto.subtle.exportKey('spki', await publicCryptoKey(privateKey, algorithm, crypto));
}

/** The public half of a private CryptoKey, as a CryptoKey (same JWK route as publicKeyFromPrivate). */
export async function publicCryptoKey(
  privateKey: CryptoKey,
  algorithm: KeyAlgorithmId,
  crypto: Crypto = defaultCrypto(),
): Promise<CryptoKey> {
  if (keyAlgorithm(algorithm).family === 'ml-dsa') return mlDsaPublicKeyOf(privateKey, crypto);
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  for (const m of PRIVATE_JWK_MEMBERS) delete jwk[m];
  jwk.key_ops = ['verify'];
  return crypto.subtle.importKey('jwk', jwk, importParams(keyAlgorithm(algorithm)), true, ['verify']);
}

/** The key family of a SubjectPublicKeyInfo (decides a leaf's KeyUsage). */
export function spkiFamily(spkiDer: ArrayBuffer): KeyAlgorithm['family'] {
  const { result } = asn1js.fromBER(spkiDer);
  const alg = result instanceof asn1js.Sequence ? result.valueBlock.value[0] : undefined;
  const oidNode = alg instanceof asn1js.Sequence ? alg.valueBlock.value[0] : undefined;
  const oid = oidNode instanceof asn1js.ObjectIdentifier ? oidNode.valueBlock.toString() : '';
  if (oid === OID_RSA) return 'rsa';
  if (oid === OID_EC) return 'ec';
  if (oid === OID_ED25519) return 'ed25519';
  if (mlDsaIdOfOid(oid)) return 'ml-dsa';
  throw new PkiError(
    'unsupported-algorithm',
    'key',
    `Public keys of algorithm ${oid || '(unreadable)'} are not supported (RSA, ECDSA, Ed25519 and ML-DSA are).`,
  );
}

/** A key to certify: fresh, or an existing PKCS#8 one (renewal keeps the key). */
export interface SubjectKey {
  privateKey: CryptoKey;
  /** SubjectPublicKeyInfo DER. */
  spki: ArrayBuffer;
  algorithm: KeyAlgorithmId;
  /** Clear PKCS#8 PEM. */
  pkcs8Pem: string;
}

/**
 * A fresh key of `algorithm`, or, when `existingPkcs8Pem` is given, that key (its algorithm
 * wins over `algorithm`). Existing keys must be clear PEM: PKCS#8 or OpenSSL's traditional form.
 */
export async function subjectKey(
  algorithm: KeyAlgorithmId,
  existingPkcs8Pem: string | undefined,
  crypto: Crypto = defaultCrypto(),
): Promise<SubjectKey> {
  if (existingPkcs8Pem !== undefined) {
    const blocks = pemDecodeAll(existingPkcs8Pem).blocks;
    const block = blocks.find((b) => b.label === 'PRIVATE KEY');
    const traditional = blocks.find((b) => TRADITIONAL_LABELS.includes(b.label));
    const der = block ? block.der : traditional ? traditionalToPkcs8(traditional) : undefined;
    if (!der)
      throw new PkiError(
        'invalid-key',
        'key',
        'The existing key must be an unencrypted PEM private key ("BEGIN PRIVATE KEY").',
      );
    const imported = await importPrivateKey(der, crypto);
    return { ...imported, spki: await publicKeyFromPrivate(der, crypto), pkcs8Pem: pemEncode('PRIVATE KEY', der) };
  }
  const pair = await generateKeyPair(algorithm, crypto);
  return {
    privateKey: pair.privateKey,
    spki: await crypto.subtle.exportKey('spki', pair.publicKey),
    algorithm,
    pkcs8Pem: await exportPkcs8Pem(pair.privateKey, crypto),
  };
}
