/**
 * Snippets: ready-to-paste configuration and code for one target, filled in from a bundle's
 * layout paths, SAN hosts and client CNs. Pure: strings in, a string out.
 */
import type { EntityPaths, LayoutId, LayoutOptions } from '../layouts/types.ts';

export type SnippetLanguage = 'yaml' | 'python' | 'javascript' | 'ini' | 'shell';

/**
 * Files of one node or client, as paths the target will open (already under the context's root):
 * the layout's own paths without the name. `cert` is what the entity presents, followed by its
 * intermediates (the layout's fullchain file when it has one).
 */
export type SnippetFiles = Omit<EntityPaths, 'name'>;

export interface SnippetNode {
  name: string;
  dns: string[];
  ips: string[];
  files: SnippetFiles;
}

export interface SnippetClient {
  name: string;
  commonName: string;
  files: SnippetFiles;
}

export interface SnippetContext {
  cluster: string;
  layout: LayoutId;
  /** The folder the bundle is unpacked to; every path in `files` starts with it ('' when paths are absolute already). */
  root: string;
  /** The node a server-side snippet is written for; the first node by default. */
  node: SnippetNode;
  nodes: SnippetNode[];
  /** The client a client-side snippet is written for; the first client by default. */
  client: SnippetClient;
  clients: SnippetClient[];
  /** What clients dial: a DNS or IP SAN of `node`. */
  host: string;
  /** A port chosen by the user; each snippet otherwise uses its target's usual port. */
  port?: number;
  /** Environment variable holding the key passphrase when node / client keys are encrypted; never the passphrase. */
  nodeKeyPasswordEnv: string | null;
  clientKeyPasswordEnv: string | null;
  /** Stands in for PKCS#12 store passwords in config files. */
  storePasswordPlaceholder: string;
  /** Path of a CRL file, when the user has one (ScyllaDB's `certficate_revocation_list`). */
  crl?: string;
}

export interface Snippet {
  id: string;
  label: string;
  language: SnippetLanguage;
  /** The file name the text usually lives in, e.g. "scylla.yaml". */
  filename?: string;
  /** Layouts whose files this target reads as laid out; the UI offers the snippet first for them. */
  layouts: readonly LayoutId[] | 'any';
  /**
   * False for bundles this snippet does not describe, so lists leave it out: Cassandra's PEM and
   * PKCS#12 cassandra.yaml each name only the files of their own form. Undefined: every bundle.
   */
  appliesTo?(options: LayoutOptions): boolean;
  render(context: SnippetContext): string;
  /**
   * What the snippet cannot make safe for this context, in one or two plain sentences (the snippet
   * says it too); the UI shows it beside the snippet. Undefined when there is nothing to add.
   */
  caution?(context: SnippetContext): string | undefined;
}
