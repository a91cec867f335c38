/**
 * Checks a bundle against a layout before anything is built or written, naming the field at fault
 * (`nodes[1].keyPem: ...`) so the UI can show the message beside it.
 */
import { looksLikePem, PkiError } from '../pki/light/index.ts';
import { keyFamily, type KeyFamily } from './key-family.ts';
import type { Bundle, BundleClient, BundleNode, Layout, LayoutOptions, PlannedFile } from './types.ts';

/** Names become folder and file names: letters, digits, dot, dash, underscore; no leading dot. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function hasBlock(pem: string, label: RegExp): boolean {
  return [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].some((m) => label.test(m[1] ?? ''));
}

function checkEntity(e: BundleNode | BundleClient, field: string): void {
  if (!SAFE_NAME.test(e.name)) {
    throw new PkiError(
      'invalid-name',
      `${field}.name`,
      `"${e.name}" cannot be a file name: use letters, digits, ".", "-" and "_" (at most 63), starting with a letter or digit.`,
    );
  }
  if (!hasBlock(e.certPem, /^CERTIFICATE$/))
    throw new PkiError('invalid-pem', `${field}.certPem`, `${e.name} has no certificate (no BEGIN CERTIFICATE block).`);
  if (!hasBlock(e.keyPem, /PRIVATE KEY$/))
    throw new PkiError('invalid-key', `${field}.keyPem`, `${e.name} has no private key (no BEGIN PRIVATE KEY block).`);
  if (keyFamily(e.keyPem) === 'encrypted') {
    throw new PkiError(
      'invalid-key',
      `${field}.keyPem`,
      `${e.name}'s private key is encrypted; give certbench the plain key and a passphrase to encrypt it with.`,
    );
  }
}

/** Throws the first problem of `bundle` for `layout`; returns nothing when it can be built. */
export function validateBundle(bundle: Bundle, layout: Layout, options: LayoutOptions): void {
  if (!bundle.cluster.trim()) throw new PkiError('invalid-argument', 'cluster', 'Give the cluster a name.');
  if (!looksLikePem(bundle.ca.certPem) || !hasBlock(bundle.ca.certPem, /^CERTIFICATE$/)) {
    throw new PkiError('not-found', 'ca', 'The bundle has no CA certificate: create or import a CA first.');
  }
  if (bundle.nodes.length + bundle.clients.length === 0) {
    throw new PkiError('invalid-argument', 'nodes', 'The bundle has neither nodes nor clients.');
  }
  validateLayoutOptions(layout, options);
  const seen = new Map<string, string>();
  const entities: [BundleNode | BundleClient, string][] = [
    ...bundle.nodes.map((n, i): [BundleNode, string] => [n, `nodes[${i}]`]),
    ...bundle.clients.map((c, i): [BundleClient, string] => [c, `clients[${i}]`]),
  ];
  for (const [entity, field] of entities) {
    checkEntity(entity, field);
    const key = entity.name.toLowerCase(); // zip files land on case-insensitive disks too
    const earlier = seen.get(key);
    if (earlier)
      throw new PkiError(
        'invalid-argument',
        `${field}.name`,
        `"${entity.name}" is used twice (also ${earlier}); every node and client needs its own name.`,
      );
    seen.set(key, field);
  }
  const families = nodeKeyFamilies(layout, options);
  if (families) checkCassandraKeys(bundle, families);
}

/**
 * The options' own problems, which need no certificate or key: checked by validateBundle and,
 * before any key is made, by the cluster flow (flows/cluster.ts).
 */
export function validateLayoutOptions(layout: Pick<Layout, 'id'>, options: LayoutOptions): void {
  if (options.keyPassphrase !== undefined && options.keyPassphrase === '') {
    throw new PkiError(
      'invalid-argument',
      'keyPassphrase',
      'The key passphrase is empty: choose one, or leave keys unencrypted.',
    );
  }
  if (layout.id === 'cassandra' && options.cassandraFormat === 'pkcs12' && !options.storePassword) {
    throw new PkiError(
      'invalid-argument',
      'storePassword',
      'PKCS#12 keystores need a password: Cassandra opens them with keystore_password and truststore_password.',
    );
  }
}

/** Key families a layout's nodes can use with these options; undefined for any. */
export function nodeKeyFamilies(layout: Pick<Layout, 'id'>, options: LayoutOptions): readonly KeyFamily[] | undefined {
  return layout.id === 'cassandra' && options.cassandraFormat !== 'pkcs12' ? ['rsa', 'ec'] : undefined;
}

function checkCassandraKeys(bundle: Bundle, families: readonly KeyFamily[]): void {
  bundle.nodes.forEach((n, i) => {
    const family = keyFamily(n.keyPem);
    if (!families.includes(family)) {
      const what =
        family === 'ed25519' ? 'an Ed25519 key' : family === 'ed448' ? 'an Ed448 key' : 'a key of unknown type';
      throw new PkiError(
        'unsupported-algorithm',
        `nodes[${i}].keyPem`,
        `${n.name} has ${what}: Cassandra's PEMBasedSslContextFactory reads RSA and EC keys only. Issue the node with ECDSA P-256 or RSA, or use the PKCS#12 form.`,
      );
    }
  });
}

/** Two planned files on one path (e.g. a node called "ca" in the generic layout) would overwrite each other. */
export function checkDistinctPaths(files: PlannedFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const key = f.path.toLowerCase();
    if (seen.has(key))
      throw new PkiError(
        'invalid-argument',
        'names',
        `Two files would be written to ${f.path}: rename the node or client that causes it.`,
      );
    seen.add(key);
  }
}
