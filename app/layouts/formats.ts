/**
 * The file formats a bundle may need beyond plain PEM: encrypted PKCS#8 keys and PKCS#12 stores.
 * They are an argument of buildBundle so the layouts stay free of crypto; DEFAULT_FORMATS wires
 * them to the core.
 */
import { PkiError } from '../pki/errors.ts';

export interface KeystoreInput {
  keyPem: string;
  certPem: string;
  /** Intermediate and CA certificates to store after the leaf, PEM. */
  chainPem: string;
  password: string;
  /** friendlyName of the entry (keytool's alias). */
  alias: string;
}

export interface TruststoreInput {
  /** CA certificates, PEM (one or more blocks). */
  caPem: string;
  password: string;
}

export interface BundleFormats {
  /** An unencrypted PEM private key in, an ENCRYPTED PRIVATE KEY PEM out. */
  encryptKey(keyPem: string, passphrase: string, crypto: Crypto): Promise<string>;
  keystore(input: KeystoreInput, crypto: Crypto): Promise<Uint8Array>;
  truststore(input: TruststoreInput, crypto: Crypto): Promise<Uint8Array>;
}

function unavailable(what: string): PkiError {
  return new PkiError('internal', 'format', `${what} is not available in this build of certbench.`);
}

/** The core's implementations. */
export const DEFAULT_FORMATS: BundleFormats = {
  encryptKey: () => Promise.reject(unavailable('Encrypted PKCS#8')),
  keystore: () => Promise.reject(unavailable('PKCS#12 keystores')),
  truststore: () => Promise.reject(unavailable('PKCS#12 truststores')),
};
