/**
 * The file formats a bundle may need beyond plain PEM: encrypted PKCS#8 keys and PKCS#12 stores.
 * They are an argument of buildBundle so tests can judge the layouts with other writers (openssl);
 * DEFAULT_FORMATS is the core's.
 */
import { buildKeystore, buildTruststore, encryptPkcs8Pem } from '../pki/export/index.ts';

export interface KeystoreInput {
  keyPem: string;
  certPem: string;
  /** Issuers of the certificate (intermediates and root), PEM, any order. */
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
  /** An unencrypted PKCS#8 PEM private key in, an ENCRYPTED PRIVATE KEY PEM (PBES2, AES-256-CBC) out. */
  encryptKey(keyPem: string, passphrase: string, crypto: Crypto): Promise<string>;
  keystore(input: KeystoreInput, crypto: Crypto): Promise<Uint8Array>;
  truststore(input: TruststoreInput, crypto: Crypto): Promise<Uint8Array>;
}

/** The core's implementations: app/pki/pkcs8.ts and app/pki/pkcs12/. */
export const DEFAULT_FORMATS: BundleFormats = {
  encryptKey: (keyPem, passphrase, crypto) => encryptPkcs8Pem(keyPem, passphrase, {}, crypto),
  keystore: async (input, crypto) =>
    (
      await buildKeystore(
        {
          key: input.keyPem,
          certificate: input.certPem,
          chain: input.chainPem,
          password: input.password,
          alias: input.alias,
        },
        crypto,
      )
    ).der,
  truststore: async (input, crypto) =>
    (await buildTruststore({ cas: input.caPem, password: input.password }, crypto)).der,
};
