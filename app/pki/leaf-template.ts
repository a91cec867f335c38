/**
 * The fast twin of the general leaf path, for batches: a certificate assembled from DER pieces
 * instead of @peculiar/x509's object trees, whose encoding costs ten times the signature.
 *
 * The constant pieces (signature AlgorithmIdentifier, issuer Name, BasicConstraints, KeyUsage,
 * ExtendedKeyUsage, AuthorityKeyIdentifier) are the general path's own encodings for the issuer;
 * the variable ones (serial, validity, CN, SPKI, SAN, SKI) are encoded here (leaf-tbs.ts). A
 * template is only handed out once its construction rebuilt a probe certificate's
 * TBSCertificate byte for byte from the same inputs (leaf-template-proof.ts), so it cannot drift
 * from the general path unnoticed.
 */
import { certificateDer, ecdsaRawToDer } from './der-writer.ts';
import type { LoadedIssuer } from './issuer.ts';
import { keyAlgorithm } from './keys.ts';
import type { LeafProfile } from './profiles.ts';
import { signingAlgorithm } from './sign.ts';
import type { KeyAlgorithmId } from './algorithms.ts';
import { spkiKeyId, type TemplateLeafInput } from './leaf-tbs.ts';
import { provenPieces } from './leaf-template-proof.ts';
import { leafWriters, recipeEngine, type AsyncLeafEngine, type LeafRecipe, type LeafWriters } from './leaf-maker.ts';
import { unroutedCrypto } from './unrouted-crypto.ts';

export type { TemplateLeafInput } from './leaf-tbs.ts';
export { spkiKeyId } from './leaf-tbs.ts';
// How a leaf is made from a template lives in leaf-maker.ts (lean: the leaf helper workers run it).
export {
  ecSpkiFromPkcs8,
  issueFromTemplate,
  issueFromTemplateSync,
  type AsyncLeafEngine,
  type LeafEngine,
  type LeafKey,
  type LeafRecipe,
  type SyncLeafEngine,
  type TemplateLeaf,
} from './leaf-maker.ts';

export interface LeafTemplate extends LeafWriters {
  profile: LeafProfile;
  /** The key algorithm of the leaves (decides KeyUsage). */
  algorithm: KeyAlgorithmId;
  /** The issuer's key and the WebCrypto algorithm it signs with. */
  signer: { key: CryptoKey; algorithm: Algorithm | EcdsaParams };
  /** The same leaves' recipe, for a leaf helper worker to make them from (leaf-maker.ts). */
  recipe: LeafRecipe;
  /** A signed certificate, DER. */
  certificate(input: TemplateLeafInput, crypto: Crypto): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * A template for leaves of `profile` with `algorithm` keys under `issuer`: its constant pieces
 * are the general path's own encodings for this issuer, proven against the general path once per
 * issuer key algorithm, profile and leaf key algorithm (leaf-template-proof.ts). Throws
 * 'internal' if the proof fails (callers fall back to the general path).
 */
export async function createLeafTemplate(
  issuer: LoadedIssuer,
  profile: LeafProfile,
  algorithm: KeyAlgorithmId,
  crypto: Crypto,
): Promise<LeafTemplate> {
  const sign = signingAlgorithm(issuer.algorithm);
  const ecdsa = keyAlgorithm(issuer.algorithm).family === 'ec';
  const key = keyAlgorithm(algorithm);
  const pieces = await provenPieces(issuer, profile, algorithm, crypto);
  const { tbs, assemble } = leafWriters(pieces);
  return {
    profile,
    algorithm,
    signer: { key: issuer.privateKey, algorithm: sign },
    recipe: {
      pieces,
      key: { generate: key.generate, label: key.label, ec: key.family === 'ec' },
      signer: { key: issuer.privateKey, algorithm: sign, ecdsa },
    },
    tbs,
    assemble,
    async certificate(leaf, c) {
      const body = tbs(leaf, spkiKeyId(leaf.spki));
      const raw = new Uint8Array(await c.subtle.sign(sign, issuer.privateKey, body));
      return certificateDer(body, pieces.sigAlg, ecdsa ? ecdsaRawToDer(raw) : raw);
    },
  };
}

/**
 * WebCrypto as the fast path's engine (leaf-maker.ts recipeEngine: generate, one PKCS#8 export,
 * the issuer's signature), on the runtime's own SubtleCrypto when the router in front of it would
 * only pass the calls on (unrouted-crypto.ts).
 */
export function webCryptoLeafEngine(template: LeafTemplate, crypto: Crypto): AsyncLeafEngine {
  const { recipe } = template;
  return recipeEngine(
    recipe,
    unroutedCrypto(crypto, [recipe.key.generate, recipe.signer.algorithm, recipe.signer.key.algorithm]),
  );
}
