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
}
