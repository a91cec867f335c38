/**
 * The two parts of a certificate the fast paths' proofs compare with what they write: the
 * TBSCertificate and the signature AlgorithmIdentifier (RFC 5280 §4.1.1), read from a
 * certificate the general path made.
 */
import { childrenOf, readTlv, tlvView } from './asn1/tlv.ts';
import { PkiError } from './errors.ts';

/** The TBSCertificate (a view) and the signature AlgorithmIdentifier (a copy) of `certDer`; 'internal' if it is not a certificate. */
export function tbsAndSigAlg(certDer: Uint8Array): { tbs: Uint8Array; sigAlg: Uint8Array } {
  const [tbsT, sigAlgT] = childrenOf(certDer, readTlv(certDer, 0));
  if (!tbsT || !sigAlgT) throw new PkiError('internal', 'issuer', 'The general path did not write a certificate.');
  return { tbs: tlvView(certDer, tbsT), sigAlg: tlvView(certDer, sigAlgT).slice() };
}
