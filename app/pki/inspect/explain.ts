/**
 * `explain(item)`: any read item as a plain tree for the UI and the CLI. Never throws: an item
 * whose DER no longer decodes (it was read, so this means a bug or a hand-made item) becomes a
 * node with a note.
 */
import type { Item } from '../read/types.ts';
import { explainCertificate } from './certificate.ts';
import { explainCrl, explainCsr, explainPrivateKey, explainPublicKey } from './others.ts';
import { node, type TreeNode } from './tree.ts';

export type { TreeNode } from './tree.ts';

export interface ExplainOptions {
  /** The instant "days left" and "expired" refer to; now by default. */
  now?: Date;
  /** Everything else loaded, so a key can name the certificates and CSRs it belongs to. */
  others?: readonly Item[];
}

export function explain(item: Item, options: ExplainOptions = {}): TreeNode {
  const now = options.now ?? new Date();
  try {
    switch (item.kind) {
      case 'certificate':
        return explainCertificate(item, now);
      case 'csr':
        return explainCsr(item);
      case 'private-key':
        return explainPrivateKey(item, options.others);
      case 'public-key':
        return explainPublicKey(item, options.others);
      case 'crl':
        return explainCrl(item);
      case 'error':
        return node('Error', item.message, undefined, `${item.source} (${item.code})`);
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return node(item.kind, item.source, undefined, `could not be explained: ${why}`);
  }
}
