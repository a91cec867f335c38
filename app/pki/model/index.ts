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
/** The located fields of a certificate (no names, extensions or key decoded): for readers that need a few facts fast. */
export { certificateModel, type CertificateModel } from './certificate.ts';
export { keyInfoOf, type KeyInfo } from './key-info.ts';
export { parseDer } from '../asn1/der-node.ts';
export { plainNameShape, plainNameText } from '../plain-name.ts';
