/**
 * ScyllaDB: the CA's CRL in scylla.yaml. The key is `certficate_revocation_list`, ScyllaDB's own
 * spelling: configure_tls_creds_builder() in scylladb/scylladb db/config.cc (commit 001581c6)
 * reads `options.at("certficate_revocation_list")` into `set_x509_crl_file(…, x509_crt_format::PEM)`,
 * for server_encryption_options and client_encryption_options alike. The correct spelling is ignored.
 */
import { crlPath } from './crl-path.ts';
import { yaml } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

export const scyllaCrl: Snippet = {
  id: 'scylla-crl',
  label: "ScyllaDB: the CA's CRL (certficate_revocation_list)",
  language: 'yaml',
  filename: 'scylla.yaml',
  layouts: ['scylla'],
  render(ctx: SnippetContext) {
    const crl = yaml(crlPath(ctx));
    return [
      `# certbench: ScyllaDB node ${ctx.node.name} refuses peers and clients whose certificate the CA revoked.`,
      '# Merge into /etc/scylla/scylla.yaml beside the other encryption options, on every node; copy the CRL',
      '# (PEM, from `certbench crl`) to each node first, and replace it before its nextUpdate. Restart node by node.',
      '# (sic) "certficate": ScyllaDB spells the key so; "certificate_revocation_list" would be ignored.',
      'server_encryption_options:',
      `  certficate_revocation_list: ${crl}`,
      'client_encryption_options:',
      `  certficate_revocation_list: ${crl}`,
      '',
    ].join('\n');
  },
};
