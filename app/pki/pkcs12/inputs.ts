/**
 * Inputs of the export writers (PKCS#12 here, and ../pkcs7.ts and ../pem-bundles.ts): certificates
 * and private keys as the user has them (PEM text or DER bytes), checked before anything is
 * written. Every failure is a PkiError naming the input at fault.
 */
import { PublicKey, X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { PkiError } from '../errors.ts';
import { defaultCrypto } from '../crypto.ts';
import { pemDecodeAll, pemEncode, looksLikePem } from '../pem.ts';
import { decryptTraditionalKey, isTraditionallyEncrypted } from '../legacy/openssl-pem-encryption.ts';
import { publicKeyFromPrivate } from '../keys.ts';
import { pkcs8FromPkcs1, pkcs8FromSec1 } from '../key-formats.ts';
import { decryptPkcs8 } from '../pkcs8.ts';

/** A certificate or key as the user has it: PEM text, or DER bytes. */
export type PemOrDer = string | Uint8Array | ArrayBuffer;

/** A parsed certificate with its exact DER, so writers never re-encode what a CA signed. */
export interface ExportCertificate {
  der: Uint8Array;
  parsed: X509Certificate;
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function parseCertificate(der: Uint8Array, field: string, position: string): ExportCertificate {
  try {
    return { der, parsed: new X509Certificate(new Uint8Array(der)) };
  } catch (e) {
    throw new PkiError('invalid-der', field, `${position} is not an X.509 certificate.`, { cause: e });
  }
}

function certificatesOfOne(input: PemOrDer, field: string, index: number): ExportCertificate[] {
  if (typeof input !== 'string') return [parseCertificate(toBytes(input), field, `Input ${index + 1}`)];
  if (!looksLikePem(input))
    throw new PkiError('invalid-pem', field, 'This text holds no PEM block (-----BEGIN CERTIFICATE-----).');
  const { blocks, bad } = pemDecodeAll(input);
  const firstBad = bad[0];
  if (firstBad) throw new PkiError('invalid-pem', field, `${firstBad.reason}.`);
  // Other blocks (a key beside the certificate in a combined file) are not certificates and are
  // left alone here; the key has its own input.
  return blocks
    .filter((b) => CERTIFICATE_LABELS.has(b.label))
    .map((b, i) => parseCertificate(new Uint8Array(b.der), field, `Certificate ${i + 1}`));
}

/** Every certificate in `input` (one PEM text may hold several), in order; at least one. */
export function certificatesFrom(input: PemOrDer | readonly PemOrDer[], field: string): ExportCertificate[] {
  const list = Array.isArray(input) ? (input as readonly PemOrDer[]) : [input as PemOrDer];
  const certs = list.flatMap((one, i) => certificatesOfOne(one, field, i));
  if (certs.length === 0) throw new PkiError('not-found', field, 'No certificate was given.');
  return certs;
}

/** Certificates of an optional input (a chain may be empty). */
export function optionalCertificatesFrom(
  input: PemOrDer | readonly PemOrDer[] | undefined,
  field: string,
): ExportCertificate[] {
  if (input === undefined || (Array.isArray(input) && input.length === 0)) return [];
  if (typeof input === 'string' && input.trim() === '') return [];
  return certificatesFrom(input, field);
}

/** Exactly one certificate. */
export function certificateFrom(input: PemOrDer, field: string): ExportCertificate {
  const certs = certificatesFrom(input, field);
  const [first] = certs;
  if (!first || certs.length > 1) {
    throw new PkiError(
      'invalid-argument',
      field,
      `Expected one certificate, found ${certs.length}; put the others in the chain.`,
    );
  }
  return first;
}

/**
 * A private key as unencrypted PKCS#8 DER. Accepts PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE
 * KEY") and SEC1 ("EC PRIVATE KEY") PEM, or PKCS#8 DER. Encrypted keys go through `readPrivateKey`.
 */
export function privateKeyFrom(input: PemOrDer, field = 'key'): Uint8Array {
  if (typeof input !== 'string') return toBytes(input);
  const { blocks, bad } = pemDecodeAll(input);
  const firstBad = bad[0];
  if (firstBad) throw new PkiError('invalid-pem', field, `${firstBad.reason}.`);
  const keys = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'));
  const [key] = keys;
  if (!key) throw new PkiError('not-found', field, 'This text holds no private key (-----BEGIN PRIVATE KEY-----).');
  if (keys.length > 1) throw new PkiError('invalid-argument', field, `Expected one private key, found ${keys.length}.`);
  if (isTraditionallyEncrypted(key.headers)) {
    // RFC 1421 "Proc-Type: 4,ENCRYPTED": OpenSSL's traditional PEM encryption; readPrivateKey decrypts it.
    throw new PkiError(
      'invalid-key',
      field,
      'This private key is encrypted the traditional OpenSSL way (Proc-Type: 4,ENCRYPTED); give its password to decrypt it.',
    );
  }
  const der = new Uint8Array(key.der);
  switch (key.label) {
    case 'PRIVATE KEY':
      return der;
    case 'RSA PRIVATE KEY':
      return pkcs8FromPkcs1(der, field);
    case 'EC PRIVATE KEY':
      return pkcs8FromSec1(der, field);
    case 'ENCRYPTED PRIVATE KEY':
      throw new PkiError('invalid-key', field, 'This private key is encrypted; give its password to decrypt it.');
    default:
      throw new PkiError(
        'unsupported-algorithm',
        field,
        `"${key.label}" keys are not supported; use a PKCS#8 "PRIVATE KEY".`,
      );
  }
}

/**
 * A private key as unencrypted PKCS#8 DER, decrypting an "ENCRYPTED PRIVATE KEY" (PBES2 or an
 * older scheme, ../pbe-decrypt.ts) or an OpenSSL "Proc-Type: 4,ENCRYPTED" key
 * (../legacy/openssl-pem-encryption.ts) with `keyPassword` when one is given; a wrong password
 * is a `wrong-password` error.
 */
export async function readPrivateKey(
  input: PemOrDer,
  keyPassword: string | undefined,
  field = 'key',
  crypto: Crypto = defaultCrypto(),
): Promise<Uint8Array> {
  const encrypted = typeof input === 'string' && /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(input);
  const traditional =
    typeof input === 'string'
      ? pemDecodeAll(input).blocks.find((b) => b.label.endsWith('PRIVATE KEY') && isTraditionallyEncrypted(b.headers))
      : undefined;
  if ((!encrypted && !traditional) || keyPassword === undefined) return privateKeyFrom(input, field);
  try {
    if (traditional) {
      const plain = await decryptTraditionalKey(
        traditional.label,
        traditional.headers,
        new Uint8Array(traditional.der),
        requirePassword(keyPassword, 'keyPassword'),
        crypto,
      );
      return privateKeyFrom(pemEncode(traditional.label, plain), field);
    }
    return new Uint8Array(await decryptPkcs8(input, requirePassword(keyPassword, 'keyPassword'), crypto));
  } catch (e) {
    // Name our own field: next to a store password, "password" would point at the wrong input.
    if (e instanceof PkiError && e.code === 'wrong-password') {
      throw new PkiError(
        'wrong-password',
        'keyPassword',
        'Wrong key password: the private key could not be decrypted with it.',
        { cause: e },
      );
    }
    throw e;
  }
}

/** A non-empty password, or a PkiError on `field`. */
export function requirePassword(password: string | undefined, field = 'password'): string {
  if (typeof password !== 'string' || password.length === 0) {
    throw new PkiError('invalid-argument', field, 'A password is required and cannot be empty.');
  }
  return password;
}

/** JWK members that identify a public key (RSA: n, e; EC: crv, x, y; OKP: crv, x). */
const PUBLIC_JWK_MEMBERS = ['kty', 'crv', 'n', 'e', 'x', 'y'] as const;

/**
 * Same public key, whatever the encoding: equal DER is the common case; otherwise both are
 * imported and compared as JWK, so a certificate that carries a compressed EC point (as
 * `openssl ec -conv_form compressed` keys produce) still matches its key.
 */
async function samePublicKey(a: ArrayBuffer, b: ArrayBuffer, crypto: Crypto): Promise<boolean> {
  if (Convert.ToHex(a) === Convert.ToHex(b)) return true;
  try {
    const [ja, jb] = await Promise.all(
      [a, b].map(async (spki) => crypto.subtle.exportKey('jwk', await new PublicKey(spki).export(crypto))),
    );
    return PUBLIC_JWK_MEMBERS.every((m) => ja?.[m] === jb?.[m]);
  } catch {
    return false;
  }
}

/** Refuse a private key that does not belong to the certificate: their public keys must be the same key. */
export async function assertKeyMatchesCertificate(
  pkcs8Der: Uint8Array,
  certificate: ExportCertificate,
  crypto: Crypto = defaultCrypto(),
): Promise<void> {
  const derived = await publicKeyFromPrivate(new Uint8Array(pkcs8Der).buffer, crypto);
  if (!(await samePublicKey(derived, certificate.parsed.publicKey.rawData, crypto))) {
    throw new PkiError(
      'key-mismatch',
      'key',
      `This private key does not belong to the certificate for ${certificate.parsed.subject || '(empty subject)'}: their public keys differ.`,
    );
  }
}
