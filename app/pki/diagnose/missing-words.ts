/**
 * The missing certificate of a chain as plain data, and the surface-neutral words for it (no
 * flag, no button: the CLI and the page add their own). No imports: the page loads this.
 */

/**
 * 'root': the top of the path is a CA and no self-signed CA was given, so what issued it is, in
 * the usual two- or three-level PKI, the root. 'intermediate': a root was given but the path
 * stops below it at the leaf, so a CA between them is missing. 'issuer': the inputs cannot tell
 * (a leaf alone may be issued by a root or an intermediate; a CA beside an unrelated root).
 */
export type MissingRole = 'root' | 'intermediate' | 'issuer';

export interface MissingCertificate {
  /** Subject (RFC 4514) of the certificate to add: the issuer named by `issues`. */
  subject: string;
  role: MissingRole;
  /** Subject of the top of the path built: the certificate the missing one issued. */
  issues: string;
}

/** The CN of an RFC 4514 name (unescaped), or the whole name when it has none: what a person calls it. */
export function shortName(dn: string): string {
  const m = /(?:^|,)\s*CN=((?:[^,\\]|\\.)*)/i.exec(dn);
  return m?.[1] ? m[1].replace(/\\(.)/g, '$1') : dn;
}

/** "the root", "an intermediate between 'node1' and the root", "the CA that issued 'node1'". */
export function roleWords(m: MissingCertificate): string {
  const below = `'${shortName(m.issues)}'`;
  if (m.role === 'root') return 'the root';
  if (m.role === 'intermediate') return `the intermediate between ${below} and the root`;
  return `the CA that issued ${below}`;
}
