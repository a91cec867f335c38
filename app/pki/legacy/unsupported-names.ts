/**
 * Algorithms certbench meets in keystores and encrypted keys but does not run, by OID, with
 * the name a person recognises (OpenSSL's spelling). A refusal names the algorithm and the
 * `openssl` command that rewrites the file with what certbench reads; never a bare OID.
 * OIDs: RFC 3657 (Camellia), RFC 5794 (ARIA), RFC 4010 (SEED), RFC 2144/2984 (CAST5),
 * RFC 7914 (scrypt), NIST CSOR (SHA-3), RFC 8018 (PKCS#5), RFC 9579 (PBMAC1), RFC 4357/7836 (GOST).
 */
import { PkiError } from '../errors.ts';

export const UNSUPPORTED_ALGORITHM_NAMES: Record<string, string> = {
  // Ciphers
  '1.2.392.200011.61.1.1.1.2': 'Camellia-128-CBC',
  '1.2.392.200011.61.1.1.1.3': 'Camellia-192-CBC',
  '1.2.392.200011.61.1.1.1.4': 'Camellia-256-CBC',
  '1.2.410.200046.1.1.2': 'ARIA-128-CBC',
  '1.2.410.200046.1.1.7': 'ARIA-192-CBC',
  '1.2.410.200046.1.1.12': 'ARIA-256-CBC',
  '1.2.410.200004.1.4': 'SEED-CBC',
  '1.3.6.1.4.1.3029.1.2': 'Blowfish-CBC',
  '1.2.840.113533.7.66.10': 'CAST5-CBC',
  '1.3.6.1.4.1.188.7.1.1.2': 'IDEA-CBC',
  '1.2.840.113549.3.9': 'RC5-CBC',
  '1.2.156.10197.1.104.2': 'SM4-CBC',
  '2.16.840.1.101.3.4.1.6': 'AES-128-GCM',
  '2.16.840.1.101.3.4.1.26': 'AES-192-GCM',
  '2.16.840.1.101.3.4.1.46': 'AES-256-GCM',
  '2.16.840.1.101.3.4.1.1': 'AES-128-ECB',
  '2.16.840.1.101.3.4.1.21': 'AES-192-ECB',
  '2.16.840.1.101.3.4.1.41': 'AES-256-ECB',
  '1.2.643.2.2.21': 'GOST 28147-89',
  '1.2.643.7.1.1.5.1.1': 'Magma-CTR-ACPKM (GOST R 34.12-2015)',
  '1.2.643.7.1.1.5.1.2': 'Magma-CTR-ACPKM-OMAC (GOST R 34.12-2015)',
  '1.2.643.7.1.1.5.2.1': 'Kuznyechik-CTR-ACPKM (GOST R 34.12-2015)',
  '1.2.643.7.1.1.5.2.2': 'Kuznyechik-CTR-ACPKM-OMAC (GOST R 34.12-2015)',
  // Key derivation and password-based schemes
  '1.3.6.1.4.1.11591.4.11': 'scrypt',
  '1.2.840.113549.1.5.1': 'PBE-MD2-DES (PKCS#5 PBES1 with MD2)',
  '1.2.840.113549.1.5.4': 'PBE-MD2-RC2-64 (PKCS#5 PBES1 with MD2)',
  '1.2.840.113549.1.5.14': 'PBMAC1 (RFC 9579)',
  // Hashes and HMAC PRFs
  '1.2.840.113549.2.2': 'MD2',
  '1.2.840.113549.2.6': 'hmacWithMD5',
  '2.16.840.1.101.3.4.2.7': 'SHA3-224',
  '2.16.840.1.101.3.4.2.8': 'SHA3-256',
  '2.16.840.1.101.3.4.2.9': 'SHA3-384',
  '2.16.840.1.101.3.4.2.10': 'SHA3-512',
  '2.16.840.1.101.3.4.2.13': 'hmacWithSHA3-224',
  '2.16.840.1.101.3.4.2.14': 'hmacWithSHA3-256',
  '2.16.840.1.101.3.4.2.15': 'hmacWithSHA3-384',
  '2.16.840.1.101.3.4.2.16': 'hmacWithSHA3-512',
  '1.2.156.10197.1.401': 'SM3',
  '1.2.643.2.2.9': 'GOST R 34.11-94',
  '1.2.643.2.2.10': 'HMAC GOST R 34.11-94',
  '1.2.643.7.1.1.2.2': 'GOST R 34.11-2012 (Streebog-256)',
  '1.2.643.7.1.1.2.3': 'GOST R 34.11-2012 (Streebog-512)',
  '1.2.643.7.1.1.4.1': 'HMAC GOST R 34.11-2012 (Streebog-256)',
  '1.2.643.7.1.1.4.2': 'HMAC GOST R 34.11-2012 (Streebog-512)',
};

/**
 * A name for any algorithm OID: the table's, else a description that still says what the OID
 * is for ("an unknown cipher (OID 1.2.3)"), so the sentence reads right even for the unknown.
 */
export function algorithmName(oid: string, role: 'cipher' | 'key derivation' | 'hash' | 'encryption scheme'): string {
  return UNSUPPORTED_ALGORITHM_NAMES[oid] ?? `an unknown ${role} (OID ${oid})`;
}

/** Where the refused algorithm was met, to pick the conversion command. */
export type EncryptedThing = 'key' | 'pkcs12';

/**
 * The `openssl` command that rewrites the input with PBES2/AES-256-CBC and HMAC-SHA-256, which
 * certbench reads. `-legacy` loads OpenSSL 3's legacy provider (SEED, IDEA, Blowfish, CAST5,
 * RC5, MD2 live there) and is harmless for the rest.
 */
export function conversionCommand(thing: EncryptedThing): string {
  return thing === 'key'
    ? '`openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc -in key.pem -out key-aes.pem`'
    : '`openssl pkcs12 -legacy -in old.p12 -nodes -out all.pem` then `openssl pkcs12 -export -in all.pem -out new.p12`';
}

/** The refusal for an algorithm certbench does not run: its name, and the command that converts the input. */
export function unsupportedEncryption(
  oid: string,
  role: Parameters<typeof algorithmName>[1],
  thing: EncryptedThing,
): PkiError {
  const what = thing === 'key' ? 'This private key' : 'This PKCS#12 file';
  return new PkiError(
    'unsupported-encryption',
    'encryption',
    `${what} is protected with ${algorithmName(oid, role)}, which certbench does not decrypt. Convert it with OpenSSL 3: ${conversionCommand(thing)}.`,
  );
}
