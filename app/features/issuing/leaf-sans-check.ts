/**
 * The SAN field of Issue and Sign CSR, checked as typed, with one rule for both (and the core's
 * leafSans for the CLI): a node or server certificate names at least one host its peers dial, and a
 * common name that is a host name or IP address is added to its SANs, said before and after
 * signing. A client certificate gets nothing added: its CN is an identity, its SANs are optional.
 */
import {
  checkSans,
  formatSan,
  sanFromCommonName,
  sanProblemsText,
  type SanCheck,
  type SanEntry,
} from '../../pki/light/index.ts';
import type { LeafProfile } from '../../worker/pki-contract.ts';

function readSans(text: string): SanCheck | undefined {
  try {
    return checkSans(text);
  } catch {
    return undefined; // Not a bad entry but a fault in the parser: the caller still says something.
  }
}

/** The SAN the CN adds under this profile, when the typed SANs do not hold it already. */
function cnSan(sans: readonly SanEntry[], profile: LeafProfile, cn: string): SanEntry | undefined {
  if (profile === 'client') return undefined;
  const fromCn = sanFromCommonName(cn);
  return fromCn && !sans.some((s) => s.kind === fromCn.kind && s.value === fromCn.value) ? fromCn : undefined;
}

/** Every bad entry is named at once (not only the first), so one round of fixes is enough. */
export function leafSansError(text: string, profile: LeafProfile, cn: string): string | undefined {
  const checked = readSans(text);
  if (!checked) return 'These names could not be read.';
  const bad = sanProblemsText(checked.problems);
  if (bad) return bad;
  const hosts = [...checked.sans, ...(cnSan(checked.sans, profile, cn) ? [sanFromCommonName(cn)!] : [])];
  if (profile !== 'client' && !hosts.some((s) => s.kind === 'dns' || s.kind === 'ip')) {
    const why = cn.trim() ? ` (the common name "${cn.trim()}" is not a host name)` : '';
    return `A ${profile} certificate needs at least one DNS name or IP address that clients dial${why}.`;
  }
  return undefined;
}

/** Said under the SAN field before signing: what the profile will add from the CN; undefined when nothing. */
export function addedSanPreview(text: string, profile: LeafProfile, cn: string): string | undefined {
  const checked = readSans(text);
  if (!checked || checked.problems.length > 0) return undefined;
  const added = cnSan(checked.sans, profile, cn);
  return added
    ? `${formatSan(added)} (the common name) will be added: TLS clients match the SANs, not the CN.`
    : undefined;
}
