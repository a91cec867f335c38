/**
 * The general certificate path: `signCertificate`, on @peculiar/x509's generator. Two faster
 * twins write DER themselves and are proven byte for byte against this path before they are used
 * for a shape: batch leaves (leaf-template.ts, leaf-template-proof.ts) and roots with a fresh key
 * (ca-template.ts, ca-template-proof.ts). Everything else (intermediates, imported keys, CSRs,
 * ML-DSA, unproven shapes) is made here.
 */
import { X509CertificateGenerator, type Extension, type Name } from '@peculiar/x509';
import type { KeyAlgorithmId } from './algorithms.ts';
import { bindX509Crypto } from './crypto.ts';
import { keyAlgorithm } from './keys.ts';
import { pemEncode } from './pem.ts';

/** The signature algorithm a CA key signs with: ECDSA with its curve's hash, RSA PKCS#1 v1.5 SHA-256, Ed25519. */
export function signingAlgorithm(issuerAlgorithm: KeyAlgorithmId): Algorithm | EcdsaParams | RsaHashedImportParams {
  const a = keyAlgorithm(issuerAlgorithm);
  return a.family === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : a.sign;
}

export interface CertificateParts {
  serialHex: string;
  subject: Name;
  /** The issuer's subject name as DER (copied byte for byte from the issuer certificate). */
  issuer: Name;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER of the certified key. */
  spki: ArrayBuffer;
  extensions: Extension[];
  signingKey: CryptoKey;
  signingAlgorithm: KeyAlgorithmId;
}

/** Build and sign a certificate; returns its DER and PEM. */
export async function signCertificate(
  parts: CertificateParts,
  crypto: Crypto,
): Promise<{ der: ArrayBuffer; pem: string }> {
  bindX509Crypto(crypto);
  const cert = await X509CertificateGenerator.create(
    {
      serialNumber: parts.serialHex,
      subject: parts.subject,
      issuer: parts.issuer,
      notBefore: parts.notBefore,
      notAfter: parts.notAfter,
      publicKey: parts.spki,
      signingKey: parts.signingKey,
      signingAlgorithm: signingAlgorithm(parts.signingAlgorithm),
      extensions: parts.extensions,
    },
    crypto,
  );
  return { der: cert.rawData, pem: pemEncode('CERTIFICATE', cert.rawData) };
}
