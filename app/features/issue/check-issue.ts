/** Field checks of the Issue form, run as the user types; each returns the sentence for the field. */
import { checkSans, sanFromCommonName, sanProblemsText, type SanCheck } from '../../pki/light/index.ts';
import type { LeafProfile } from '../../worker/pki-contract.ts';

export function commonNameError(cn: string): string | undefined {
  const t = cn.trim();
  if (!t) return 'Enter a common name: the host name for a node or server, the identity for a client.';
  if (t.length > 64)
    return `The common name is ${t.length} characters; X.509 allows at most 64. Put long names in the SANs.`;
  return undefined;
}

/** Every bad entry is named at once (not only the first), so one round of fixes is enough. */
export function sansError(text: string, profile: LeafProfile, cn: string): string | undefined {
  let checked: SanCheck;
  try {
    checked = checkSans(text);
  } catch {
    return 'These names could not be read.'; // Not a bad entry but a fault in the parser: still never a blank page.
  }
  const { sans, problems } = checked;
  const bad = sanProblemsText(problems);
  if (bad) return bad;
  if (profile !== 'client' && sans.length === 0 && !sanFromCommonName(cn)) {
    return 'A node or server certificate needs at least one DNS name or IP address that clients dial.';
  }
  return undefined;
}
