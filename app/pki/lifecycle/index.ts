/**
 * The lifecycle surface of the core: what happens to a certificate after issuing. Renewal, a CA's
 * revocation list and revocations, CRLs, CA rotation, and the facts renewal reads from a leaf.
 * The worker's lifecycle operations and the CLI's renew/revoke/crl/ca rotate import this instead of
 * app/pki/index.ts so the lazily loaded lifecycle code does not carry the readers, validator and
 * PKCS#12 writers (issue 14 measured the whole index at +32 KiB gzipped for that family).
 */
/** Renew a leaf (same subject, SANs and profile; new serial and validity; new key unless one is kept), or a cluster's leaves under one CA. */
export {
  renewLeaf,
  renewLeaves,
  type RenewOptions,
  type RenewedLeaf,
  type RenewalRequest,
  type RenewedMember,
  type RenewSteps,
} from '../renew.ts';
/** What renewal reads from a leaf: subject DER, SANs, profile, key algorithm, serial, lifetime. */
export { leafFacts, type LeafFacts } from '../leaf-facts.ts';
/** What a CA remembers of its revocations (the CLI's revoked.json), and its reasons (RFC 5280 §5.3.1). */
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
/** Revoke a certificate its CA signed (checked by signature), adding it to that CA's revocation list. */
export { revokeCertificate } from '../revoke.ts';
/** The next CRL v2 of a CA over its revocation list: CRL number, AKI, thisUpdate/nextUpdate (default 7 days), PEM and DER. */
export { issueCrl, DEFAULT_CRL_DAYS, type CrlOptions, type IssuedCrl } from '../crl.ts';
/** A new root CA beside the old one, the transition trust bundle, and optionally the old CA's cross-signature. */
export { rotateCa, nextGenerationName, type RotateOptions, type RotatedCa } from '../rotate.ts';
