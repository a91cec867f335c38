/**
 * CRLReason names by value (RFC 5280 §5.3.1): the one table from which the inspector (a CRL
 * entry's reason) and revocation checking (why a certificate is revoked) name a reason code.
 * Value 7 is not assigned, so it has no name. Not to be confused with ReasonFlags (§4.2.1.13,
 * distribution points), a BIT STRING whose bit numbers differ from these values.
 */
const CRL_REASON_NAMES: readonly (string | undefined)[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

/** The RFC name of CRLReason `value`; undefined for 7 and for values past aACompromise (10). */
export function crlReasonName(value: number): string | undefined {
  return CRL_REASON_NAMES[value];
}
