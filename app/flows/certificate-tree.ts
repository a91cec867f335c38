/**
 * One certificate's explanation tree, made when the page opens it: a report of many certificates
 * comes without their trees (InspectRequest.treesOnRequestFrom in ./inspect-report.ts). The
 * certificate is read again from its PEM, fingerprints included, so the tree is the one the
 * report would have held: same reader, same explainer, same instant (the report's `at`).
 */
import { bindX509Crypto, defaultCrypto, explain, PkiError, readInput } from '../pki/index.ts';
import type { ReportNode } from './inspect-report.ts';

export interface CertificateTreeRequest {
  /** The certificate as the report gave it (InspectedItem.pem). */
  pem: string;
  /** Where it came from (InspectedItem.source): the tree's heading names it. */
  source: string;
  /** The report's instant (InspectReport.at): "days left" and "expired" are counted from it. */
  at: string;
}

export async function certificateTree(
  request: CertificateTreeRequest,
  crypto: Crypto = bindX509Crypto(defaultCrypto()),
): Promise<ReportNode> {
  const at = new Date(request.at);
  if (Number.isNaN(at.getTime()))
    throw new PkiError('invalid-argument', 'at', `at: "${request.at}" is not an ISO 8601 date-time`);
  const items = await readInput({ name: request.source, text: request.pem }, {}, crypto);
  const [item] = items;
  if (items.length !== 1 || item?.kind !== 'certificate') {
    const why = item?.kind === 'error' ? item.message : `it holds ${items.length} items, not one certificate`;
    throw new PkiError(
      'invalid-pem',
      'pem',
      `pem: the certificate of ${request.source} could not be read again (${why})`,
    );
  }
  return explain(item, { now: at });
}
