/**
 * Reading anything a user drops: the public surface of app/pki/read. `readInput` turns bytes or
 * text into plain items; the models locate a certificate's, CSR's or CRL's fields without a
 * schema parse, for the inspector, the linter or anyone who needs them fast (the certificate's
 * lives in ../model/, shared with the validator).
 */
export { readInput } from './read-input.ts';
export type {
  CertificateItem,
  CrlItem,
  CsrItem,
  ErrorItem,
  Item,
  ItemKind,
  KeyFormat,
  PrivateKeyItem,
  PublicKeyItem,
  ReadInput,
  ReadOptions,
} from './types.ts';
export { MAX_ASN1_DEPTH, MAX_INPUT_BYTES, MAX_ITEMS, TIME_BUDGET_MS } from './limits.ts';
export { certificateModel, type CertificateModel, type RawExtension, type AlgorithmRef } from '../model/certificate.ts';
export { requestModel, type RequestModel } from './request-model.ts';
export { crlModel, type CrlModel, type RevokedEntry } from './crl-model.ts';
export type { TimeValue } from '../asn1/values.ts';
