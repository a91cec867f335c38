/** ScyllaDB scylla.yaml: node-to-node and client-to-node TLS, both requiring certificates. */
import { yaml } from './quote.ts';
import { cqlString, scyllaRoleForCn, SCYLLA_CN_ROLE_QUERY } from './scylla-role.ts';
import type { Snippet, SnippetContext } from './types.ts';

/**
 * The CQL port clients dial. With client_encryption_options enabled and no native_transport_port_ssl,
 * ScyllaDB and Cassandra serve TLS only on native_transport_port; setting native_transport_port_ssl
 * instead adds a TLS port and leaves 9042 open in plaintext (and drivers dial 9042 by default).
 */
export const CQL_PORT = 9042;

function encryptionBlock(ctx: SnippetContext, first: string): string[] {
  const f = ctx.node.files;
  return [
    first,
    `  certificate: ${yaml(f.cert)}`,
    `  keyfile: ${yaml(f.key)}`,
    `  truststore: ${yaml(f.ca)}`,
    '  require_client_auth: true',
    // ScyllaDB spells this key without the second "i"; the correct spelling is ignored.
    ctx.crl
      ? `  certficate_revocation_list: ${yaml(ctx.crl)}`
      : '  # certficate_revocation_list: /etc/scylla/certs/crl.pem   # (sic: ScyllaDB spells it so)',
  ];
}

export const scyllaYaml: Snippet = {
  id: 'scylla-yaml',
  label: 'ScyllaDB: scylla.yaml encryption options',
  language: 'yaml',
  filename: 'scylla.yaml',
  layouts: ['scylla'],
  render(ctx: SnippetContext) {
    const port = ctx.port ?? CQL_PORT;
    const plain = ctx.nodeKeyPasswordEnv === null;
    return [
      `# certbench: TLS for ScyllaDB node ${ctx.node.name} of cluster ${JSON.stringify(ctx.cluster)}. Merge into /etc/scylla/scylla.yaml`,
      '# on that node, then: sudo systemctl restart scylla-server',
      ...(plain
        ? [
            '# scylla.yaml has no key password setting: the key file is unencrypted, so keep it chmod 600, owned by scylla.',
          ]
        : []),
      '',
      '# Node to node: every connection presents and verifies a certificate.',
      ...encryptionBlock(ctx, 'server_encryption_options:\n  internode_encryption: all'),
      '',
      '# Client to node (CQL): clients must present a certificate issued by the same CA.',
      ...encryptionBlock(ctx, 'client_encryption_options:\n  enabled: true'),
      '',
      port === CQL_PORT
        ? `# CQL over TLS only, on native_transport_port (${port}, where drivers dial by default). Do not set`
        : `# CQL over TLS only, on native_transport_port ${port} (tell the drivers: they dial ${CQL_PORT} by default). Do not set`,
      '# native_transport_port_ssl: it would add a second, TLS port and leave this one open in plaintext.',
      ...(port === CQL_PORT ? [] : [`native_transport_port: ${port}`]),
      '',
    ].join('\n');
  },
};

/** Clients whose role is not their CN as typed, or who share a role with another client. */
function roleProblems(ctx: SnippetContext): string[] {
  const roles = ctx.clients.map((c) => ({ cn: c.commonName, role: scyllaRoleForCn(c.commonName) }));
  const problems: string[] = [];
  for (const { cn, role } of roles) {
    if (role !== cn)
      problems.push(
        `CN ${JSON.stringify(cn)} logs in as role ${JSON.stringify(role)}: ScyllaDB reads the subject as RFC 4514 text, where a comma is escaped, and the query stops at it.`,
      );
  }
  const seen = new Map<string | null, string>();
  for (const { cn, role } of roles) {
    const other = seen.get(role);
    if (other !== undefined)
      problems.push(
        `CNs ${JSON.stringify(other)} and ${JSON.stringify(cn)} both log in as role ${JSON.stringify(role)}.`,
      );
    else seen.set(role, cn);
  }
  return problems;
}

export const scyllaCertificateAuth: Snippet = {
  id: 'scylla-certificate-authenticator',
  label: 'ScyllaDB: log in by client certificate (CertificateAuthenticator)',
  language: 'yaml',
  filename: 'scylla.yaml',
  layouts: ['scylla'],
  caution(ctx: SnippetContext) {
    const problems = roleProblems(ctx);
    return problems.length ? `${problems.join(' ')} Give each client a CN without a comma.` : undefined;
  },
  render(ctx: SnippetContext) {
    const roles = [...new Set(ctx.clients.map((c) => scyllaRoleForCn(c.commonName) ?? c.commonName))];
    return [
      "# certbench: the client certificate's CN becomes the ScyllaDB role; no password is exchanged. The query is",
      "# ScyllaDB's own default: everything after CN= up to the next comma, spaces included.",
      '# Needs client_encryption_options with require_client_auth: true (scylla.yaml snippet). Add to scylla.yaml,',
      '# then create the role each client logs in as, e.g. in cqlsh:',
      ...roles.map((role) => `#   CREATE ROLE IF NOT EXISTS ${cqlString(role)} WITH LOGIN = true;`),
      ...roleProblems(ctx).map((p) => `# WARNING: ${p}`),
      'authenticator: com.scylladb.auth.CertificateAuthenticator',
      'auth_certificate_role_queries:',
      '  - source: SUBJECT',
      `    query: '${SCYLLA_CN_ROLE_QUERY}'`,
      '',
    ].join('\n');
  },
};
