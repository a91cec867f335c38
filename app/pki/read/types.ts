/**
 * What the reader produces: plain, structured-cloneable items (no class instances), so they can
 * cross a Web Worker boundary, sit in a store, or be written as JSON (with DER as base64).
 *
 * Every item names its `source`: the input's name plus where inside it the item came from
 * (`bundle.pem #3`, `client.p12 bag 2`), so a message can point at the exact block.
 */
import type { PkiErrorCode } from '../errors.ts';

export type ItemKind = 'certificate' | 'csr' | 'private-key' | 'public-key' | 'crl' | 'error';

/** How the bytes of a key item were found. The item's `der` is always normalised (see below). */
export type KeyFormat = 'pkcs8' | 'encrypted-pkcs8' | 'pkcs1' | 'sec1' | 'pkcs12' | 'spki' | 'pkcs1-public';

interface DerItem {
  source: string;
  /** The DER of the item: certificate, CertificationRequest, CertificateList, PKCS#8, or SPKI. */
  der: ArrayBuffer;
  /** The same DER as PEM with the standard label for its kind. */
  pem: string;
}

export interface CertificateItem extends DerItem {
  kind: 'certificate';
  /** Lowercase hex digests of the DER, computed once at read time (WebCrypto digests are async). */
  fingerprints: { sha256: string; sha1: string };
}

export interface CsrItem extends DerItem {
  kind: 'csr';
  /** Self-signature checked at read time; null when the algorithm cannot be checked here. */
  signatureValid: boolean | null;
}

export interface PrivateKeyItem extends DerItem {
  kind: 'private-key';
  /** `der` is unencrypted PKCS#8 whatever the input was (PKCS#1, SEC1 and PKCS#12 keys are wrapped). */
  format: KeyFormat;
  /** SPKI DER of the matching public key, for key-to-certificate matching; null if it could not be derived. */
  publicKeyDer: ArrayBuffer | null;
}

export interface PublicKeyItem extends DerItem {
  kind: 'public-key';
  /** `der` is SubjectPublicKeyInfo whatever the input was (PKCS#1 RSAPublicKey is wrapped). */
  format: KeyFormat;
}

export interface CrlItem extends DerItem {
  kind: 'crl';
}

export interface ErrorItem {
  kind: 'error';
  source: string;
  /** Stable code from PkiErrorCode (e.g. 'wrong-password', 'unsupported-encryption', 'input-too-large'). */
  code: PkiErrorCode;
  /** A sentence for the user; never "unknown error". */
  message: string;
}

export type Item = CertificateItem | CsrItem | PrivateKeyItem | PublicKeyItem | CrlItem | ErrorItem;

/** One thing a user dropped or pasted. Bytes are sniffed; text is searched for PEM blocks. */
export type ReadInput = { name?: string; bytes: Uint8Array } | { name?: string; text: string };

export interface ReadOptions {
  /** Password for encrypted PKCS#8 keys and PKCS#12 files. */
  password?: string;
  /** Override the per-input time budget (ms); tests use a small one. */
  timeBudgetMs?: number;
}

/** PEM labels we write for each kind. */
export const PEM_LABEL = {
  certificate: 'CERTIFICATE',
  csr: 'CERTIFICATE REQUEST',
  'private-key': 'PRIVATE KEY',
  'public-key': 'PUBLIC KEY',
  crl: 'X509 CRL',
} as const;
