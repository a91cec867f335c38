/**
 * Aliases (friendlyName) for PKCS#12 entries. Java lower-cases aliases and keeps one entry per
 * alias, so two CAs named alike would silently collapse into one trustedCertEntry: defaults are
 * derived from the subject CN and made unique.
 */
import type { X509Certificate } from '@peculiar/x509';
import { PkiError } from '../errors.ts';

/** A default alias from the certificate's CN (or its whole subject), lower-case, dash-separated. */
export function aliasFromCertificate(cert: X509Certificate, fallback: string): string {
  const cn = cert.subjectName.getField('CN')[0] ?? '';
  const slug = cn
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** Check a user-chosen alias: non-empty, no control characters. */
export function checkAlias(alias: string, field: string): string {
  const trimmed = alias.trim();
  if (!trimmed) throw new PkiError('invalid-argument', field, 'An alias (friendly name) cannot be empty.');
  // Control characters (below U+0020, and DEL) garble keytool's listing and most file dialogs.
  if ([...trimmed].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    throw new PkiError('invalid-argument', field, 'An alias cannot contain control characters.');
  }
  return trimmed;
}

/** Make aliases unique the way Java compares them (case-insensitively): "ca", "ca-2", "ca-3". */
export function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases.map((alias) => {
    let candidate = alias;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${alias}-${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
