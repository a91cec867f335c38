/**
 * The certificate facts model (one per certificate, read once from its DER by ./certificate.ts):
 * what the validator, lint and the page's issuer check read. Page-safe: no WebCrypto and no X.509
 * library (certFacts takes an @peculiar/x509 certificate by type only).
 */
export {
  certFacts,
  certFactsFromDer,
  certFactsOfBuffer,
  KEY_USAGE_BITS,
  KNOWN_EXTENSIONS,
  type CertFacts,
  type ExtensionFacts,
  type KeyUsageName,
  type TimeFacts,
} from './cert-facts.ts';
