/**
 * Which certificate a chain lacks, as data (missing-words.ts): its subject, the certificate it
 * would have issued, and its role. Each surface says what to do in its own words: the CLI names
 * a flag, the page names a button.
 */
import type { X509Certificate } from '@peculiar/x509';
import { certFacts } from '../model/cert-facts.ts';
import type { MissingCertificate, MissingRole } from './missing-words.ts';

export type { MissingCertificate, MissingRole } from './missing-words.ts';

function isCa(cert: X509Certificate): boolean {
  try {
    return certFacts(cert).basicConstraints?.ca === true;
  } catch {
    return false;
  }
}

function selfIssued(cert: X509Certificate): boolean {
  try {
    return certFacts(cert).selfIssued;
  } catch {
    return false;
  }
}

/**
 * The certificate missing above `path` (leaf first, as far up as it could be built), or undefined
 * when the path ends at a self-issued certificate (nothing is missing above a root: it is trusted
 * or it is not). `rootGiven`: a self-signed CA was among the certificates given.
 */
export function missingCertificate(
  path: readonly X509Certificate[],
  rootGiven: boolean,
): MissingCertificate | undefined {
  const top = path[path.length - 1];
  if (!top || selfIssued(top)) return undefined;
  const role: MissingRole = isCa(top) ? (rootGiven ? 'issuer' : 'root') : rootGiven ? 'intermediate' : 'issuer';
  return { subject: top.issuer, role, issues: top.subject };
}
