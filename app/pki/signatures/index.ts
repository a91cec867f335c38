/** Checking a certificate's or CRL's signature with its issuer's key, memoised per issuer key (./verify-signature.ts). */
export { signatureVerifier, type SignatureVerifier, type SignedFacts, type SignerFacts } from './verify-signature.ts';
