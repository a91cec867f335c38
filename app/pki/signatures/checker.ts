/** Signature checks of a certificate against a candidate issuer, memoised for one validation. */
import type { X509Certificate } from '@peculiar/x509';
import { certFacts } from '../model/cert-facts.ts';
import { signatureVerifier } from './verify-signature.ts';

/** Checks that `subject`'s signature verifies with `issuer`'s key: null when it does, else a reason. */
export type SignatureCheck = (subject: X509Certificate, issuer: X509Certificate) => Promise<string | null>;

/** A SignatureCheck over `crypto` that verifies each (subject, issuer) pair once. */
export function signatureChecker(crypto: Crypto): SignatureCheck {
  const verifier = signatureVerifier(crypto);
  const memo = new Map<X509Certificate, Map<X509Certificate, Promise<string | null>>>();
  return (subject, issuer) => {
    let byIssuer = memo.get(subject);
    if (!byIssuer) memo.set(subject, (byIssuer = new Map<X509Certificate, Promise<string | null>>()));
    let result = byIssuer.get(issuer);
    if (!result) {
      result = verifier
        .verify(certFacts(subject), certFacts(issuer))
        .then((r) => (r === true ? null : r === false ? '' : r));
      byIssuer.set(issuer, result);
    }
    return result;
  };
}
