/**
 * The leaf helper surface of the core: what a leaf helper worker runs (recipeLeafMaker; its
 * signature checks load apart, from ./verify.ts) and the contract between a batch and its helpers.
 * Meant to stay free of @peculiar/x509 and the ASN.1 schema library (leaf-maker.ts says why), so a
 * helper starts in a few milliseconds.
 */
export { recipeLeafMaker, type LeafHelper, type LeafHelpers, type LeafOrder, type MadeLeaf } from '../leaf-helpers.ts';
export { buffersOf } from '../pem-ascii.ts';
export type { LeafRecipe } from '../leaf-maker.ts';
export type { SignaturePair } from '../signatures/batch-verify.ts';
export type { VerifyHelper } from '../signatures/shared-verify.ts';
