/**
 * The plain description of a bundle (what was issued) and the contract of a layout (where each
 * piece goes on disk for one ecosystem). Everything here is strings: PEM text, names, SANs.
 */
import type { LayoutId } from './layout-ids.ts';

/** A cluster node as the layouts see it: no PEM needed to compute paths or snippets. */
export interface NodeOutline {
  /** Folder-safe name, unique in the bundle, e.g. "node-1". */
  name: string;
  /** DNS SANs of the node certificate, in order. */
  dns: string[];
  /** IP SANs of the node certificate, in order. */
  ips: string[];
}

/** A client (application, cqlsh, worker) as the layouts see it. */
export interface ClientOutline {
  /** Folder-safe name, unique in the bundle, e.g. "app". */
  name: string;
  /** Subject CN of the client certificate: what CN allow-lists and ScyllaDB roles key on. */
  commonName: string;
}

/** Names and SANs only: enough for paths and snippets (the CLI uses it when no bundle is given). */
export interface BundleOutline {
  cluster: string;
  nodes: NodeOutline[];
  clients: ClientOutline[];
}

/** PEM material of one issued end entity. */
export interface IssuedPems {
  /** The leaf certificate (one CERTIFICATE block). */
  certPem: string;
  /** Its private key (PKCS#8, SEC1 or PKCS#1 PEM, unencrypted). */
  keyPem: string;
  /** Issuers of the leaf (intermediates, and the root if the caller likes), PEM; '' when there are none to add. */
  chainPem: string;
}

export type BundleNode = NodeOutline & IssuedPems;
export type BundleClient = ClientOutline & IssuedPems;

/** Everything a bundle is built from. Plain data: it crosses the worker boundary as is. */
export interface Bundle extends BundleOutline {
  /** The issuing CA's certificate and, when it is an intermediate, the chain up to the root. */
  ca: { certPem: string; chainPem?: string };
  nodes: BundleNode[];
  clients: BundleClient[];
}

export type { LayoutId };

export interface LayoutOptions {
  /** Encrypt private keys (PKCS#8, PBES2 AES-256-CBC) with this passphrase where the target reads encrypted keys. */
  keyPassphrase?: string;
  /** Cassandra only: PEM key-and-chain files (default) or PKCS#12 keystore + truststore. */
  cassandraFormat?: 'pem' | 'pkcs12';
  /** Password of PKCS#12 keystores and truststores (Cassandra pkcs12 form); required there. */
  storePassword?: string;
}

/** Where an entity's files live, relative to the bundle root ('/'-separated). */
export interface EntityPaths {
  name: string;
  /** Certificate the entity presents (leaf, plus intermediates when it is a chain file). */
  cert: string;
  key: string;
  /** The CA certificate(s) this entity trusts. */
  ca: string;
  /** Private key, leaf and intermediates in one PEM (Cassandra's PEMBasedSslContextFactory). */
  keyAndChain?: string;
  fullchain?: string;
  keystore?: string;
  truststore?: string;
}

export interface LayoutPaths {
  /** The bundle-wide CA file, when the layout has one at its root. */
  ca: string;
  nodes: EntityPaths[];
  clients: EntityPaths[];
}

export interface EntityRef {
  role: 'node' | 'client';
  name: string;
}

/** What goes into one file; build-bundle turns it into bytes. */
export type FileContent =
  | { kind: 'trust' }
  | { kind: 'leaf'; of: EntityRef }
  | { kind: 'fullchain'; of: EntityRef }
  | { kind: 'key'; of: EntityRef }
  | { kind: 'key-and-chain'; of: EntityRef }
  | { kind: 'keystore'; of: EntityRef }
  | { kind: 'truststore' }
  /** Finished text; `plaintextKey` when it embeds an unencrypted private key. */
  | { kind: 'text'; text: string; plaintextKey?: boolean };

export interface PlannedFile {
  path: string;
  content: FileContent;
  /** One line for README.txt: what the file is and who reads it. */
  about: string;
}

/** A finished file. `secret` files hold private keys (or keystores) and get mode 0600. */
export interface BundleFile {
  path: string;
  contents: string | Uint8Array;
  secret: boolean;
}

/** One ecosystem's way of laying out a bundle. Pure: no crypto, no I/O. */
export interface Layout {
  id: LayoutId;
  label: string;
  /** A paragraph for the UI and README.txt: the file names and how several nodes/clients are handled. */
  describe: string;
  /** False when the target cannot read encrypted private keys: keys stay plaintext and the user is told. */
  readsEncryptedKeys: boolean | ((role: EntityRef['role'], options: LayoutOptions) => boolean);
  /** Where every file lives; snippets are filled in from these paths. */
  paths(outline: BundleOutline, options?: LayoutOptions): LayoutPaths;
  /** The files of a bundle, in a stable order. */
  plan(bundle: Bundle, options: LayoutOptions): PlannedFile[];
}
