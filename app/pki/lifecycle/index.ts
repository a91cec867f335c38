/**
 * The lifecycle surface of the core: what happens to a certificate after issuing. Renewal, a CA's
 * revocation list and revocations, CRLs, CA rotation, and the facts renewal reads from a leaf.
 * The worker's lifecycle operations and the CLI's renew/revoke/crl/ca rotate import this instead of
 * app/pki/index.ts so the lazily loaded lifecycle code does not carry the readers, validator and
 * PKCS#12 writers (issue 14 measured the whole index at +32 KiB gzipped for that family).
 */
export {
  renewLeaf,
  renewLeaves,
  type RenewOptions,
  type RenewedLeaf,
  type RenewalRequest,
  type RenewedMember,
} from '../renew.ts';
export { leafFacts, type LeafFacts } from '../leaf-facts.ts';
export {
  REVOCATION_REASONS,
  REVOCATION_LIST_FORMAT,
  emptyRevocationList,
  addRevocation,
  isRevoked,
  isRevocationReason,
  checkReason,
  normalizeSerial,
  parseRevocationList,
  formatRevocationList,
  type RevocationList,
  type RevocationReason,
  type RevokedCertificate,
} from '../revocation-list.ts';
export { revokeCertificate } from '../revoke.ts';
export { issueCrl, DEFAULT_CRL_DAYS, type CrlOptions, type IssuedCrl } from '../crl.ts';
export { rotateCa, nextGenerationName, type RotateOptions, type RotatedCa } from '../rotate.ts';
