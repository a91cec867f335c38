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
import { childrenOf, isContext, readTlv, tlvView } from './asn1/tlv.ts';
import { certificateDer, DerBuffer, ecdsaRawToDer, TAG, tlvSize } from './der-writer.ts';
import { arenaBytes, ownBytes, type ByteAllocator } from './der-arena.ts';
import type { LoadedIssuer } from './issuer.ts';
import { generateKeyPair, keyAlgorithm } from './keys.ts';
import { pemEncode } from './pem.ts';
import type { LeafProfile } from './profiles.ts';
import { signingAlgorithm } from './sign.ts';
import type { KeyAlgorithmId } from './algorithms.ts';
import { leafTbsWriter, spkiKeyId, type TemplateLeafInput } from './leaf-tbs.ts';
import { provenPieces } from './leaf-template-proof.ts';
import { platformPemEncoder } from './native-pem.ts';
import { unroutedCrypto } from './unrouted-crypto.ts';

export type { TemplateLeafInput } from './leaf-tbs.ts';
export { spkiKeyId } from './leaf-tbs.ts';

export interface LeafTemplate {
  profile: LeafProfile;
  /** The key algorithm of the leaves (decides KeyUsage). */
  algorithm: KeyAlgorithmId;
  /** The issuer's key and the WebCrypto algorithm it signs with. */
  signer: { key: CryptoKey; algorithm: Algorithm | EcdsaParams };
  /**
   * The TBSCertificate of one leaf (exposed for the byte-for-byte proof): a view into a shared
   * slab (der-arena.ts), to sign, encode or copy, not to keep or transfer.
   */
  tbs(input: TemplateLeafInput, ski: Uint8Array): Uint8Array<ArrayBuffer>;
  /**
   * The certificate around a TBS and its signature value (ECDSA: DER Ecdsa-Sig-Value): a view
   * into a shared slab (der-arena.ts), to encode or copy, not to keep or transfer.
   */
  assemble(tbs: Uint8Array, signature: Uint8Array): Uint8Array<ArrayBuffer>;
  /** A signed certificate, DER. */
  certificate(input: TemplateLeafInput, crypto: Crypto): Promise<Uint8Array<ArrayBuffer>>;
}

/** A fresh leaf key as DER: the key file's PKCS#8 and the certificate's SubjectPublicKeyInfo. */
export interface LeafKey {
  pkcs8: Uint8Array<ArrayBuffer>;
  spki: Uint8Array<ArrayBuffer>;
  /** spkiKeyId(spki), when the engine has a faster SHA-1 than ours (the proof compares the two). */
  keyId?: Uint8Array;
}

/**
 * The per-leaf crypto of the fast path: a fresh key, and the issuer's signature over a TBS (the
 * signature value as it goes into the certificate's BIT STRING; ECDSA: DER Ecdsa-Sig-Value). The
 * default is WebCrypto (webCryptoLeafEngine); a platform with a faster one brings its own
 * (the CLI's node-leaf-engine.ts), proven before use (leaf-engine.ts).
 */
export type LeafEngine = AsyncLeafEngine | SyncLeafEngine;

interface LeafEngineExtras {
  /** pemEncode(label, der), when the platform encodes base64 faster than our table (the proof compares the two). */
  pem?: (label: string, der: Uint8Array) => string;
}

/** An engine whose steps wait (WebCrypto: each call a hop to a crypto thread). */
export interface AsyncLeafEngine extends LeafEngineExtras {
  sync?: false;
  newKey(): Promise<LeafKey>;
  sign(tbs: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

/**
 * An engine whose steps return at once (Node's own crypto): a batch on it issues one certificate
 * after another without a promise per step (issueFromTemplateSync).
 */
export interface SyncLeafEngine extends LeafEngineExtras {
  sync: true;
  newKey(): LeafKey;
  sign(tbs: Uint8Array<ArrayBuffer>): Uint8Array;
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
  const isEcdsa = keyAlgorithm(issuer.algorithm).family === 'ec';
  const pieces = await provenPieces(issuer, profile, algorithm, crypto);
  const buildTbs = leafTbsWriter(pieces, arenaBytes);
  const assemble = (tbs: Uint8Array, signature: Uint8Array) =>
    certificateDer(tbs, pieces.sigAlg, signature, arenaBytes);
  return {
    profile,
    algorithm,
    signer: { key: issuer.privateKey, algorithm: sign },
    tbs: buildTbs,
    assemble,
    async certificate(leaf, c) {
      const tbs = buildTbs(leaf, spkiKeyId(leaf.spki));
      const raw = new Uint8Array(await c.subtle.sign(sign, issuer.privateKey, tbs));
      return certificateDer(tbs, pieces.sigAlg, isEcdsa ? ecdsaRawToDer(raw) : raw);
    },
  };
}

/**
 * The SubjectPublicKeyInfo of an EC key, read from its PKCS#8 export (RFC 5915 ECPrivateKey
 * carries the public point), saving a second export per key. Undefined when absent. Its bytes
 * come from `allocate` (the leaf engine's per-leaf keys: a shared slab, der-arena.ts).
 */
export function ecSpkiFromPkcs8(
  pkcs8: Uint8Array,
  allocate: ByteAllocator = ownBytes,
): Uint8Array<ArrayBuffer> | undefined {
  const [, algT, keyT] = childrenOf(pkcs8, readTlv(pkcs8, 0));
  if (!algT || !keyT) return undefined;
  const ecKey = readTlv(pkcs8, keyT.contentStart);
  const pub = childrenOf(pkcs8, ecKey).find((t) => isContext(t, 1));
  if (!pub) return undefined;
  const algorithm = tlvView(pkcs8, algT);
  const key = tlvView(pkcs8, readTlv(pkcs8, pub.contentStart));
  // One buffer, written once (a leaf's hot path: tlv() would build three).
  const content = algorithm.length + key.length;
  return new DerBuffer(tlvSize(content), allocate).header(TAG.SEQUENCE, content).put(algorithm).put(key).done();
}

/**
 * WebCrypto as the fast path's engine: generate, one PKCS#8 export (an EC key's SPKI is read
 * from it, ecSpkiFromPkcs8), and the issuer's signature. Three calls per leaf, made on the
 * runtime's own SubtleCrypto when the router in front of it would only pass them on (unrouted-crypto.ts).
 * PEM with the platform's base64 where it has one that writes what pemEncode writes.
 */
export function webCryptoLeafEngine(template: LeafTemplate, crypto: Crypto): LeafEngine {
  const key = keyAlgorithm(template.algorithm);
  const isEc = key.family === 'ec';
  const isEcdsa = template.signer.algorithm.name === 'ECDSA';
  const c = unroutedCrypto(crypto, [key.generate, template.signer.algorithm, template.signer.key.algorithm]);
  const pem = platformPemEncoder();
  return {
    ...(pem ? { pem } : {}),
    async newKey() {
      const keys = await generateKeyPair(template.algorithm, c);
      const pkcs8 = new Uint8Array(await c.subtle.exportKey('pkcs8', keys.privateKey));
      const spki =
        (isEc ? ecSpkiFromPkcs8(pkcs8, arenaBytes) : undefined) ??
        new Uint8Array(await c.subtle.exportKey('spki', keys.publicKey));
      return { pkcs8, spki };
    },
    async sign(tbs) {
      const raw = new Uint8Array(await c.subtle.sign(template.signer.algorithm, template.signer.key, tbs));
      return isEcdsa ? ecdsaRawToDer(raw, arenaBytes) : raw;
    },
  };
}

/** A leaf issued on the fast path: certificate and key as PEM, and the certificate's DER. */
export interface TemplateLeaf {
  certPem: string;
  keyPem: string;
  /** A view into a shared slab (der-arena.ts): read or copy it, do not keep or transfer it. */
  certDer: Uint8Array;
}

/** One leaf on the fast path: fresh key, certificate and key as PEM. */
export async function issueFromTemplate(
  template: LeafTemplate,
  leaf: Omit<TemplateLeafInput, 'spki'>,
  engine: LeafEngine,
): Promise<TemplateLeaf> {
  const key = await engine.newKey();
  const tbs = tbsOf(template, leaf, key);
  return signed(template, engine, key, tbs, await engine.sign(tbs));
}

/** issueFromTemplate on an engine whose steps return at once: the same leaf, no promise. */
export function issueFromTemplateSync(
  template: LeafTemplate,
  leaf: Omit<TemplateLeafInput, 'spki'>,
  engine: SyncLeafEngine,
): TemplateLeaf {
  const key = engine.newKey();
  const tbs = tbsOf(template, leaf, key);
  return signed(template, engine, key, tbs, engine.sign(tbs));
}

function tbsOf(template: LeafTemplate, leaf: Omit<TemplateLeafInput, 'spki'>, key: LeafKey): Uint8Array<ArrayBuffer> {
  return template.tbs({ ...leaf, spki: key.spki }, key.keyId ?? spkiKeyId(key.spki));
}

function signed(
  template: LeafTemplate,
  engine: LeafEngine,
  key: LeafKey,
  tbs: Uint8Array,
  signature: Uint8Array,
): TemplateLeaf {
  const certDer = template.assemble(tbs, signature);
  const pem = engine.pem ?? pemEncode;
  return { certPem: pem('CERTIFICATE', certDer), keyPem: pem('PRIVATE KEY', key.pkcs8), certDer };
}
