/** ScyllaDB scylla.yaml: node-to-node and client-to-node TLS, both requiring certificates. */
import { yaml } from './quote.ts';
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
    ctx.crl ? `  certficate_revocation_list: ${yaml(ctx.crl)}` : '  # certficate_revocation_list: /etc/scylla/certs/crl.pem   # (sic: ScyllaDB spells it so)',
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
      ...(plain ? ['# scylla.yaml has no key password setting: the key file is unencrypted, so keep it chmod 600, owned by scylla.'] : []),
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

export const scyllaCertificateAuth: Snippet = {
  id: 'scylla-certificate-authenticator',
  label: 'ScyllaDB: log in by client certificate (CertificateAuthenticator)',
  language: 'yaml',
  filename: 'scylla.yaml',
  layouts: ['scylla'],
  render(ctx: SnippetContext) {
    const roles = ctx.clients.map((c) => c.commonName);
    return [
      '# certbench: the client certificate\'s CN becomes the ScyllaDB role; no password is exchanged.',
      '# Needs client_encryption_options with require_client_auth: true (scylla.yaml snippet). Add to scylla.yaml,',
      '# then create a role per client CN, e.g. in cqlsh:',
      ...roles.map((cn) => `#   CREATE ROLE IF NOT EXISTS ${JSON.stringify(cn)} WITH LOGIN = true;`),
      'authenticator: com.scylladb.auth.CertificateAuthenticator',
      'auth_certificate_role_queries:',
      '  - source: SUBJECT',
      "    query: 'CN=([^,\\s]+)'",
      '',
    ].join('\n');
  },
};
