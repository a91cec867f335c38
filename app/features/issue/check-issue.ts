/** Field checks of the Issue form, run as the user types; each returns the sentence for the field. */
import { isPkiError } from '../../pki/errors.ts';
import { parseSans, sanFromCommonName } from '../../pki/san.ts';
import type { LeafProfile } from '../../worker/pki-contract.ts';

export function commonNameError(cn: string): string | undefined {
  const t = cn.trim();
  if (!t) return 'Enter a common name: the host name for a node or server, the identity for a client.';
  if (t.length > 64) return `The common name is ${t.length} characters; X.509 allows at most 64. Put long names in the SANs.`;
  return undefined;
}

export function sansError(text: string, profile: LeafProfile, cn: string): string | undefined {
  try {
    const sans = parseSans(text);
    if (profile !== 'client' && sans.length === 0 && !sanFromCommonName(cn)) {
      return 'A node or server certificate needs at least one DNS name or IP address that clients dial.';
    }
    return undefined;
  } catch (e) {
    return isPkiError(e) ? e.message : 'These names could not be read.';
  }
}
