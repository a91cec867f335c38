/** The contract of one extension decoder in the registry (../shared/DESIGN.md habit 3). */
import type { TreeNode } from '../tree.ts';

export interface DecodedExtension {
  /** One-line summary shown beside the extension's name. */
  value?: string;
  children?: TreeNode[];
}

export interface ExtensionDecoder {
  oid: string;
  name: string;
  /** Decode the extnValue contents; throw on anything malformed (the registry degrades to hex). */
  decode(value: Uint8Array): DecodedExtension;
  /**
   * Throws exactly when `decode` throws, without building the tree: what the summary runs to
   * find extensions that do not decode (issue 14: a CA bundle's summaries built and dropped
   * three trees per certificate). Absent where the tree is the decoding; then `decode` is run.
   */
  check?(value: Uint8Array): unknown;
}
