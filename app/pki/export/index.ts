/**
 * The export surface of the core: private key encodings, PKCS#12 keystores and truststores,
 * PKCS#7 and PEM bundles, and what their writers take and return. The worker's export operations
 * and the bundle layouts import this instead of app/pki/index.ts so their lazily loaded code holds
 * only the writers (issue 14 measured the whole index at +44 KiB gzipped for the export family).
 */
export {
  encodePrivateKey,
  keyPem,
  type EncodedKey,
  type EncodeKeyOptions,
  type PrivateKeyFormat,
} from '../key-formats.ts';
export { encryptPkcs8Pem } from '../pkcs8.ts';
export { buildKeystore, type KeystoreInput } from '../pkcs12/keystore.ts';
export { buildTruststore, type TruststoreInput } from '../pkcs12/truststore.ts';
export {
  assertKeyMatchesCertificate,
  certificateFrom,
  privateKeyFrom,
  readPrivateKey,
  type ExportCertificate,
  type PemOrDer,
} from '../pkcs12/inputs.ts';
export { javaCanUsePassword, DEFAULT_PKCS12_ITERATIONS, type Pkcs12Protection } from '../pkcs12/options.ts';
export { PASSWORD_NOT_FOR_JAVA, type Pkcs12Result } from '../pkcs12/result.ts';
export { pkcs7Der, pkcs7Pem, PKCS7_PEM_LABEL } from '../pkcs7.ts';
export { cassandraKeyAndChainPem, fullChainPem, type CassandraPemInput } from '../pem-bundles.ts';
