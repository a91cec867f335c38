/**
 * The role ScyllaDB's CertificateAuthenticator gives a client certificate: its role query (a regex
 * with one group) is searched in the subject as RFC 4514 text, and the group is the role name.
 * Pure: the snippet names the role this yields, never the CN as typed.
 */

/** ScyllaDB's default auth_certificate_role_queries query (db/config.cc): everything after CN= up to a comma. */
export const SCYLLA_CN_ROLE_QUERY = 'CN=([^,]+)';

/**
 * A CN as it stands in RFC 4514 text (section 2.4): ',', '+', '"', '\', '<', '>', ';' escaped with a
 * backslash, and a leading '#' or space and a trailing space too.
 */
export function rfc4514Value(value: string): string {
  const escaped = value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`);
  return escaped.replace(/^[# ]/, (c) => `\\${c}`).replace(/ $/, '\\ ');
}

/** The role a certificate with this CN logs in as, or null when the query finds none. */
export function scyllaRoleForCn(commonName: string, query: string = SCYLLA_CN_ROLE_QUERY): string | null {
  const match = new RegExp(query).exec(`CN=${rfc4514Value(commonName)}`);
  return match?.[1] ?? null;
}

/** A CQL string literal (single quotes doubled), which CREATE ROLE takes as a role name. */
export function cqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
