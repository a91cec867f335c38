/**
 * The runtime surface of the core: which WebCrypto runs (with ML-DSA routed to WebCrypto's own
 * or the library) and which key types it can make. Meant to stay free of @peculiar/x509, so the
 * worker's first call (the key type list) loads no ASN.1 or X.509 library (issue 14).
 */
export { defaultCrypto, mlDsaEngine, withMlDsa, type MlDsaEngine } from '../runtime-crypto.ts';
export { supportedKeyAlgorithms } from '../key-support.ts';
