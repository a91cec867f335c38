/**
 * Apache Cassandra cassandra.yaml: the PEM form (PEMBasedSslContextFactory, Cassandra 4.1+) and the
 * PKCS#12 keystore/truststore form, both requiring client certificates. Each applies to the bundle
 * form it names (LayoutOptions.cassandraFormat), so a list never shows a config for files the zip lacks.
 *
 * The PKCS#12 form goes through Cassandra's FileBasedSslContextFactory (apache/cassandra@03c5307c,
 * src/java/org/apache/cassandra/security/FileBasedSslContextFactory.java): lines 135-136 and 163-164
 * open keystore and truststore with KeyStore.getInstance(store_type) and their own passwords, and line
 * 142 unlocks the private key with keystore_password too, so the key's password must be the store's
 * (certbench writes both under the one store password). store_type defaults to JKS (EncryptionOptions).
 */
import { cassandraFormat } from '../layouts/cassandra.ts';
import { sh, yaml } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

const FACTORY = 'org.apache.cassandra.security.PEMBasedSslContextFactory';

function nodeDir(ctx: SnippetContext): string {
  const cert = ctx.node.files.cert;
  return cert.includes('/') ? cert.slice(0, cert.lastIndexOf('/')) : '.';
}

function pemBlock(ctx: SnippetContext, first: string): string[] {
  const keystore = ctx.node.files.keyAndChain ?? `${nodeDir(ctx)}/keystore.pem`;
  return [
    first,
    '  ssl_context_factory:',
    `    class_name: ${FACTORY}`,
    '    parameters: {}',
    `  keystore: ${yaml(keystore)}`,
    `  truststore: ${yaml(ctx.node.files.ca)}`,
    '  require_client_auth: true',
  ];
}

export const cassandraYamlPem: Snippet = {
  id: 'cassandra-yaml-pem',
  label: 'Cassandra: cassandra.yaml with PEM files',
  language: 'yaml',
  filename: 'cassandra.yaml',
  layouts: ['cassandra'],
  appliesTo: (options) => cassandraFormat(options) === 'pem',
  render(ctx: SnippetContext) {
    const note = ctx.node.files.keyAndChain
      ? []
      : ['# keystore.pem comes with the Cassandra layout (key, certificate and intermediates in one file).'];
    return [
      `# certbench: TLS for Cassandra node ${ctx.node.name} with PEM files (Cassandra 4.1+). Merge into cassandra.yaml.`,
      '# keystore.pem holds the PKCS#8 private key followed by the certificate chain, as PEMBasedSslContextFactory',
      '# wants. It reads RSA and EC keys only: Ed25519 keys are refused, issue nodes with ECDSA P-256 or RSA.',
      '# The key is unencrypted (on Java 17 the PEM reader cannot decrypt PBES2 keys, so no keystore_password):',
      '# keep keystore.pem chmod 600, owned by cassandra, or use the PKCS#12 form.',
      ...note,
      ...pemBlock(ctx, 'server_encryption_options:\n  internode_encryption: all'),
      '',
      ...pemBlock(ctx, 'client_encryption_options:\n  enabled: true'),
      '',
    ].join('\n');
  },
};

function pkcs12Block(ctx: SnippetContext, first: string): string[] {
  const dir = nodeDir(ctx);
  const pw = JSON.stringify(ctx.storePasswordPlaceholder);
  return [
    first,
    `  keystore: ${yaml(ctx.node.files.keystore ?? `${dir}/keystore.p12`)}`,
    `  keystore_password: ${pw}`,
    `  truststore: ${yaml(ctx.node.files.truststore ?? `${dir}/truststore.p12`)}`,
    `  truststore_password: ${pw}`,
    '  store_type: PKCS12',
    '  require_client_auth: true',
  ];
}

export const cassandraYamlPkcs12: Snippet = {
  id: 'cassandra-yaml-pkcs12',
  label: 'Cassandra: cassandra.yaml with PKCS#12 keystore and truststore',
  language: 'yaml',
  filename: 'cassandra.yaml',
  layouts: ['cassandra'],
  appliesTo: (options) => cassandraFormat(options) === 'pkcs12',
  render(ctx: SnippetContext) {
    const dir = nodeDir(ctx);
    const keystore = ctx.node.files.keystore ?? `${dir}/keystore.p12`;
    const truststore = ctx.node.files.truststore ?? `${dir}/truststore.p12`;
    return [
      `# certbench: TLS for Cassandra node ${ctx.node.name} with PKCS#12 stores. Merge into cassandra.yaml.`,
      `# Replace ${ctx.storePasswordPlaceholder} with the store password the bundle was made with: the one typed as`,
      '# Store password in the Cluster form or Export → Bundles, or certbench bundle --store-password-file. It is',
      '# not in the zip. keystore_password also unlocks the private key inside the keystore, as Cassandra expects.',
      '# Check the stores first:',
      `#   keytool -list -storetype PKCS12 -keystore ${sh(keystore)}     (one PrivateKeyEntry with its chain)`,
      `#   keytool -list -storetype PKCS12 -keystore ${sh(truststore)}   (trustedCertEntry rows)`,
      ...pkcs12Block(ctx, 'server_encryption_options:\n  internode_encryption: all'),
      '',
      ...pkcs12Block(ctx, 'client_encryption_options:\n  enabled: true'),
      '',
    ].join('\n');
  },
};
