/**
 * Explaining items: the public surface of app/pki/inspect. `explain` gives the tree the UI and
 * the CLI draw; `summarize` the JSON of `certbench inspect --json`; `rfc4514` the one-line name
 * Python's cryptography would print.
 */
export { explain, type ExplainOptions } from './explain.ts';
export {
  summarize,
  type Summary,
  type SummaryOptions,
  type SummaryName,
  type CertificateSummary,
  type CsrSummary,
  type KeySummary,
  type CrlSummary,
  type ErrorSummary,
} from './summary.ts';
export { node, treeToText, type TreeNode } from './tree.ts';
export { rfc4514, nameAttributes, escapeDnValue } from './name-text.ts';
export { describePublicKey, publicKeyText, type PublicKeyDescription } from './public-key.ts';
export { generalNamesOf, type GeneralNameText, type GeneralNameKind } from './general-name.ts';
export { EXTENSION_DECODERS, explainExtension } from './extensions/registry.ts';
export type { ExtensionDecoder, DecodedExtension } from './extensions/decoder.ts';
export { toUnicodeHostname } from './punycode.ts';
