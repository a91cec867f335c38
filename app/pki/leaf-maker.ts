/**
 * How the batch fast path makes one leaf from a template's proven pieces (leaf-template.ts makes
 * and proves them): a fresh key, the TBSCertificate written around it (leaf-tbs.ts), the issuer's
 * signature, the certificate and both PEMs.
 *
 * Lean by contract: this module and what it imports carry no ASN.1 schema library and no
 * @peculiar/x509, because the leaf helper workers (worker/leaf-helper.worker.ts) run it as their
 * whole program, and a helper is only useful if it is ready within a cluster's first milliseconds.
 * What a helper needs arrives as a LeafRecipe, which survives a structured clone (the issuer's
 * CryptoKey included), so a helper makes the same bytes the batch's own thread would.
 */
import { childrenOf, isContext, readTlv, tlvView } from './asn1/tlv.ts';
import { arenaBytes, ownBytes, type ByteAllocator } from './der-arena.ts';
import { certificateDer, DerBuffer, ecdsaRawToDer, TAG, tlvSize } from './der-writer.ts';
import { PkiError } from './errors.ts';
import type { KeyAlgorithm } from './algorithms.ts';
import { leafTbsWriter, spkiKeyId, type TbsPieces, type TemplateLeafInput } from './leaf-tbs.ts';
import { platformPemEncoder } from './native-pem.ts';
import { pemEncode } from './pem.ts';
import type { PemAsciiWriter } from './pem-ascii.ts';

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
 * default is WebCrypto (recipeEngine); a platform with a faster one brings its own (the CLI's
 * node-leaf-engine.ts), proven before use (leaf-engine.ts).
 */
export type LeafEngine = AsyncLeafEngine | SyncLeafEngine;

interface LeafEngineExtras {
  /** pemEncode(label, der), when the platform encodes base64 faster than our table (the proof compares the two). */
  pem?: (label: string, der: Uint8Array) => string;
  /**
   * Write each PEM as ASCII bytes here rather than as a string (pem-ascii.ts): for leaves that are
   * sent on to another thread, which reads them as text there.
   */
  pemAscii?: PemAsciiWriter;
}

/** An engine whose steps wait (WebCrypto: each call settles in a later task). */
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

/** The two writers of a template: a leaf's TBSCertificate, and the certificate around it. */
export interface LeafWriters {
  /**
   * The TBSCertificate of one leaf (exposed for the byte-for-byte proof): a view into a shared
   * slab (der-arena.ts), to sign, encode or copy, not to keep or transfer.
   */
  tbs: (input: TemplateLeafInput, ski: Uint8Array) => Uint8Array<ArrayBuffer>;
  /**
   * The certificate around a TBS and its signature value (ECDSA: DER Ecdsa-Sig-Value): a view
   * into a shared slab (der-arena.ts), to encode or copy, not to keep or transfer.
   */
  assemble: (tbs: Uint8Array, signature: Uint8Array) => Uint8Array<ArrayBuffer>;
}

/** The writers for proven `pieces`, their output carved from the shared slabs (der-arena.ts). */
export function leafWriters(pieces: TbsPieces): LeafWriters {
  return {
    tbs: leafTbsWriter(pieces, arenaBytes),
    assemble: (tbs, signature) => certificateDer(tbs, pieces.sigAlg, signature, arenaBytes),
  };
}

/**
 * Everything needed to make a template's leaves on WebCrypto, and nothing that a structured clone
 * loses: the proven pieces, the leaves' key type and the issuer's signing key and algorithm.
 */
export interface LeafRecipe {
  pieces: TbsPieces;
  /** The leaves' key: generateKey's parameters, its name for messages, and whether it is EC (its SPKI is then read from its PKCS#8). */
  key: { generate: KeyAlgorithm['generate']; label: string; ec: boolean };
  /** The issuer's key and the signature it makes; `ecdsa`: WebCrypto's raw r||s becomes DER. */
  signer: { key: CryptoKey; algorithm: Algorithm | EcdsaParams; ecdsa: boolean };
}

/**
 * WebCrypto as the fast path's engine for `recipe`: generate, one PKCS#8 export (an EC key's SPKI
 * is read from it, ecSpkiFromPkcs8), and the issuer's signature. Three calls per leaf, on
 * `crypto` as given (the batch passes the runtime's own SubtleCrypto where it can:
 * unrouted-crypto.ts). PEM with the platform's base64 where it has one that writes what
 * pemEncode writes, or as ASCII bytes with `pemAscii` (pem-ascii.ts).
 */
export function recipeEngine(recipe: LeafRecipe, crypto: Crypto, pemAscii?: PemAsciiWriter): AsyncLeafEngine {
  const { key, signer } = recipe;
  const pem = platformPemEncoder();
  return {
    ...(pem ? { pem } : {}),
    ...(pemAscii ? { pemAscii } : {}),
    async newKey() {
      let keys: CryptoKeyPair;
      try {
        keys = (await crypto.subtle.generateKey(key.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
      } catch (e) {
        throw new PkiError('unsupported-algorithm', 'algorithm', `This runtime cannot make ${key.label} keys.`, {
          cause: e,
        });
      }
      return keyDer(keys, key.ec, crypto, arenaBytes);
    },
    async sign(tbs) {
      const raw = new Uint8Array(await crypto.subtle.sign(signer.algorithm, signer.key, tbs));
      return signer.ecdsa ? ecdsaRawToDer(raw, arenaBytes) : raw;
    },
  };
}

/**
 * A fresh key pair's PKCS#8 and SubjectPublicKeyInfo in as few WebCrypto calls as its type allows:
 * one PKCS#8 export, whose RFC 5915 ECPrivateKey carries an EC key's public point
 * (ecSpkiFromPkcs8), and an SPKI export only for other keys. The fast paths' leaves and roots
 * (ca-template.ts) make their keys' DER here; an EC key's SPKI comes from `allocate`.
 */
export async function keyDer(
  keys: CryptoKeyPair,
  ec: boolean,
  crypto: Crypto,
  allocate: ByteAllocator = ownBytes,
): Promise<{ pkcs8: Uint8Array<ArrayBuffer>; spki: Uint8Array<ArrayBuffer> }> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const spki =
    (ec ? ecSpkiFromPkcs8(pkcs8, allocate) : undefined) ??
    new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  return { pkcs8, spki };
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

/** A PEM as the fast path hands it on: text, or its ASCII bytes where the engine writes those (pem-ascii.ts). */
export type PemOut = string | Uint8Array<ArrayBuffer>;

/** A leaf issued on the fast path: certificate and key as PEM, and the certificate's DER. */
export interface TemplateLeaf {
  certPem: PemOut;
  keyPem: PemOut;
  /** A view into a shared slab (der-arena.ts): read or copy it, do not keep or transfer it. */
  certDer: Uint8Array;
}

/** One leaf on the fast path: fresh key, certificate and key as PEM. */
export async function issueFromTemplate(
  template: LeafWriters,
  leaf: Omit<TemplateLeafInput, 'spki'>,
  engine: AsyncLeafEngine | SyncLeafEngine,
): Promise<TemplateLeaf> {
  const key = await engine.newKey();
  const tbs = tbsOf(template, leaf, key);
  return signed(template, engine, key, tbs, await engine.sign(tbs));
}

/** issueFromTemplate on an engine whose steps return at once: the same leaf, no promise. */
export function issueFromTemplateSync(
  template: LeafWriters,
  leaf: Omit<TemplateLeafInput, 'spki'>,
  engine: SyncLeafEngine,
): TemplateLeaf {
  const key = engine.newKey();
  const tbs = tbsOf(template, leaf, key);
  return signed(template, engine, key, tbs, engine.sign(tbs));
}

function tbsOf(template: LeafWriters, leaf: Omit<TemplateLeafInput, 'spki'>, key: LeafKey): Uint8Array<ArrayBuffer> {
  return template.tbs({ ...leaf, spki: key.spki }, key.keyId ?? spkiKeyId(key.spki));
}

function signed(
  template: LeafWriters,
  engine: LeafEngine,
  key: LeafKey,
  tbs: Uint8Array,
  signature: Uint8Array,
): TemplateLeaf {
  const certDer = template.assemble(tbs, signature);
  const pem = engine.pemAscii ?? engine.pem ?? pemEncode;
  return { certPem: pem('CERTIFICATE', certDer), keyPem: pem('PRIVATE KEY', key.pkcs8), certDer };
}
