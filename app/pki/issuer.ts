/**
 * Loading an issuing CA from plain material (PEM certificate, PKCS#8 key, chain) and checking
 * it may issue: it is a CA, its key signs certificates, the key belongs to the certificate,
 * and it has not expired. Everything the CA, leaf, CSR and template paths need is here.
 */
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
} from '@peculiar/x509';
import type { KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { keyIdentifier } from './extensions.ts';
import { importPrivateKey, publicCryptoKey } from './keys.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { decryptPkcs8 } from './pkcs8.ts';

/**
 * An issuing CA as plain data. `chainPem` holds this CA then its issuers, excluding the
 * self-signed root (empty for a root): exactly what follows a leaf in a TLS chain.
 */
export interface CaMaterial {
  certPem: string;
  /** PKCS#8 PEM, clear ("PRIVATE KEY") or encrypted ("ENCRYPTED PRIVATE KEY" with `keyPassphrase`). */
  keyPem: string;
  chainPem: string;
  keyPassphrase?: string;
}

export interface LoadedIssuer {
  cert: X509Certificate;
  /** The CA's subject Name as DER: the issuer field of everything it signs, copied byte for byte. */
  subjectDer: ArrayBuffer;
  privateKey: CryptoKey;
  algorithm: KeyAlgorithmId;
  /** The issuer's Subject Key Identifier (hex): the AKI of what it signs. */
  keyId: string;
  /** Undefined when the CA has no path length limit. */
  pathLength?: number;
  notBefore: Date;
  notAfter: Date;
  /** PEM of the certificates that follow a leaf signed by this CA: this CA unless it is a root, then its intermediates. */
  intermediatesPem: string;
}

function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer;
}

function parseCert(pem: string): X509Certificate {
  const block = pemDecodeAll(pem).blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new PkiError('invalid-pem', 'issuer', 'The CA certificate is not a PEM CERTIFICATE.');
  try {
    return new X509Certificate(block.der);
  } catch (e) {
    throw new PkiError('invalid-der', 'issuer', 'The CA certificate is damaged and cannot be read.', { cause: e });
  }
}

/** Load and check an issuing CA. */
export async function loadIssuer(ca: CaMaterial, crypto: Crypto = defaultCrypto()): Promise<LoadedIssuer> {
  const cert = parseCert(ca.certPem);
  const bc = cert.getExtension(BasicConstraintsExtension);
  if (!bc?.ca)
    throw new PkiError(
      'issuer-not-ca',
      'issuer',
      `"${cert.subject}" is not a CA certificate (no BasicConstraints CA:TRUE).`,
    );
  const ku = cert.getExtension(KeyUsagesExtension);
  if (ku && !(ku.usages & KeyUsageFlags.keyCertSign)) {
    throw new PkiError(
      'issuer-not-ca',
      'issuer',
      `"${cert.subject}" may not sign certificates (its KeyUsage lacks keyCertSign).`,
    );
  }
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await decryptPkcs8(ca.keyPem, ca.keyPassphrase ?? '', crypto);
  } catch (e) {
    if (e instanceof PkiError && e.field === 'passphrase') {
      throw new PkiError('invalid-key', 'issuer', 'The CA key is encrypted: give its passphrase.', { cause: e });
    }
    throw e;
  }
  const { privateKey, algorithm } = await importPrivateKey(pkcs8, crypto);
  const spki = new Uint8Array(
    await crypto.subtle.exportKey('spki', await publicCryptoKey(privateKey, algorithm, crypto)),
  );
  if (!sameBytes(spki, new Uint8Array(cert.publicKey.rawData))) {
    throw new PkiError('key-mismatch', 'issuer', 'The CA key does not belong to the CA certificate.');
  }
  const ski = cert.getExtension(SubjectKeyIdentifierExtension);
  const keyId = ski ? ski.keyId : await keyIdentifier(cert.publicKey.rawData, crypto);
  const chain = [
    cert,
    ...pemDecodeAll(ca.chainPem)
      .blocks.filter((b) => b.label === 'CERTIFICATE')
      .map((b) => new X509Certificate(b.der)),
  ];
  const seen = new Set<string>();
  const intermediates = chain.filter((c) => {
    const key = c.toString('base64');
    if (isSelfSigned(c) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    cert,
    subjectDer: cert.subjectName.toArrayBuffer(),
    privateKey,
    algorithm,
    keyId,
    pathLength: bc.pathLength,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    intermediatesPem: intermediates.map((c) => pemEncode('CERTIFICATE', c.rawData)).join(''),
  };
}

/**
 * The LoadedIssuer of a CA certbench has just made (createRootIssuer): the key, names and window
 * it was made from are its facts, so nothing is re-read, re-imported or re-exported; loadIssuer's
 * checks (a CA, keyCertSign, the key belongs to the certificate) hold by construction, and
 * made-issuer.test.ts holds this issuer equal to loadIssuer of the same material. `cert` is parsed on
 * first use only (the CLI's engine proof, rotation); issuing leaves does not need it.
 */
export function madeIssuer(facts: Omit<LoadedIssuer, 'cert'>, certDer: ArrayBuffer): LoadedIssuer {
  let cert: X509Certificate | undefined;
  return {
    ...facts,
    get cert() {
      return (cert ??= new X509Certificate(certDer));
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
