/**
 * The proof behind the root CA fast path (ca-template.ts): once per (key algorithm, path length)
 * for the life of the module (a worker, a CLI run), a probe root is made by the general path
 * (ca-general.ts, the generator) and the fast writers (name-der.ts, ca-tbs.ts) write its
 * TBSCertificate again from the same inputs; the fast path serves that shape only when the two
 * are equal byte for byte, and a shape whose proof fails stays on the general path.
 *
 * Why once per shape is enough: of a root's constant pieces, the signature AlgorithmIdentifier
 * depends on nothing but the key algorithm (sign.ts signingAlgorithm), and BasicConstraints and
 * KeyUsage on nothing but the key family and the path length; they are taken from the probe and
 * from caExtensions' own DER. Everything else is the root's own (serial, Name, validity, SPKI,
 * SKI) and is written by code the probe exercises: a Name with all six attributes in both string
 * types, a validity from UTCTime to GeneralizedTime, the SPKI as the fast path reads it (an EC
 * key's from its PKCS#8) against WebCrypto's SPKI export, the SKI by our SHA-1 against the general
 * path's WebCrypto digest.
 *
 * The probe is signed by the key of the root being made, so a proof costs no key generation (an
 * RSA 3072 key takes a tenth of a second or more): it is one more signature and the general path's
 * JavaScript, once per shape. The probe certificate is dropped; it never leaves this module.
 */
import { Convert } from 'pvtsutils';
import type { KeyAlgorithmId } from './algorithms.ts';
import { childrenOf, readTlv, tlvView } from './asn1/tlv.ts';
import { generalCaCertificate } from './ca-general.ts';
import { rootTbs, type RootTbsPieces, type RootTbsWriter } from './ca-tbs.ts';
import { PkiError } from './errors.ts';
import { caExtensions } from './extensions.ts';
import { keyAlgorithm } from './keys.ts';
import { spkiKeyId } from './leaf-tbs.ts';
import { subjectNameDer } from './name-der.ts';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';
import { OID } from './model/oids.ts';
import { MAX_DAYS, validityWindow } from './validity.ts';

/** A root's shape: what decides its constant pieces. */
export interface RootShape {
  algorithm: KeyAlgorithmId;
  /** BasicConstraints pathLen; undefined for no limit. */
  pathLength: number | undefined;
}

/** The key of the root being made, as the fast path holds it. */
export interface RootKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The SubjectPublicKeyInfo the fast path writes (an EC key's read from its PKCS#8). */
  spki: Uint8Array;
}

/** Every attribute subjectName writes, in both string types (PrintableString where it can, UTF8String not). */
const PROBE_SUBJECT: SubjectFields = {
  country: 'de',
  state: 'Bäyern',
  locality: 'Probe City',
  organization: 'Pröbe "Org", + Co.',
  organizationalUnit: 'ops/pki (root)',
  commonName: 'probe-root.template.example CA',
};

/** A serial as serial.ts draws them: 16 bytes, top bit clear, next bit set. */
const PROBE_SERIAL = new Uint8Array(16).fill(0x5a);

/** The shape's pieces: the probe's signature AlgorithmIdentifier and caExtensions' DER, 'ski' where the key id goes. */
function shapePieces(shape: RootShape, sigAlg: Uint8Array): RootTbsPieces {
  const extensions = caExtensions({
    subjectKeyId: '00',
    pathLength: shape.pathLength,
    family: keyAlgorithm(shape.algorithm).family,
  }).map((e): Uint8Array | 'ski' => (e.type === OID.subjectKeyId ? 'ski' : new Uint8Array(e.rawData)));
  return { sigAlg, extensions };
}

/** The TBSCertificate and signature AlgorithmIdentifier of a certificate, DER. */
function tbsAndSigAlg(certDer: Uint8Array): { tbs: Uint8Array; sigAlg: Uint8Array } {
  const [tbsT, sigAlgT] = childrenOf(certDer, readTlv(certDer, 0));
  if (!tbsT || !sigAlgT) throw new PkiError('internal', 'issuer', 'The root CA probe is not a certificate.');
  return { tbs: tlvView(certDer, tbsT), sigAlg: tlvView(certDer, sigAlgT).slice() };
}

/**
 * The pieces of `shape`, once a probe made by the general path with `key` equals, byte for byte,
 * the TBS `write` makes from the same inputs; throws 'internal' when it does not. `write` is the
 * fast path's writer (tests give mutated ones).
 */
export async function proveRootShape(
  shape: RootShape,
  key: RootKey,
  crypto: Crypto,
  write: RootTbsWriter = rootTbs,
): Promise<RootTbsPieces> {
  const spki = await crypto.subtle.exportKey('spki', key.publicKey);
  const window = validityWindow({ days: MAX_DAYS });
  const probe = await generalCaCertificate(
    {
      key: { privateKey: key.privateKey, spki, algorithm: shape.algorithm, pkcs8Pem: '' },
      serialHex: Convert.ToHex(PROBE_SERIAL),
      subject: subjectName(PROBE_SUBJECT),
      window,
      pathLength: shape.pathLength,
      signer: {},
    },
    crypto,
  );
  const { tbs, sigAlg } = tbsAndSigAlg(new Uint8Array(probe.der));
  const pieces = shapePieces(shape, sigAlg);
  const rebuilt = write(pieces, {
    serial: PROBE_SERIAL,
    name: subjectNameDer(checkSubject(PROBE_SUBJECT)),
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    spki: key.spki,
    ski: spkiKeyId(key.spki),
  });
  if (Convert.ToHex(rebuilt) !== Convert.ToHex(tbs)) {
    throw new PkiError(
      'internal',
      'algorithm',
      `The fast root CA writer does not reproduce the general path for ${shape.algorithm} roots` +
        `${shape.pathLength === undefined ? '' : ` with path length ${shape.pathLength}`}.`,
    );
  }
  return pieces;
}

const shapeId = (shape: RootShape) => `${shape.algorithm}/${shape.pathLength ?? 'none'}`;

/** Proofs made (or being made) in this module's life, by shape; undefined once a shape failed its proof. */
const proofs = new Map<string, Promise<RootTbsPieces | undefined>>();

/**
 * The pieces of `shape`, proven with `key` if it is the first root of the shape; undefined when
 * the shape failed its proof (its roots then take the general path, for the module's life). A
 * probe that fails for another reason (WebCrypto refusing the key) rejects and is not kept.
 */
export function provenRootPieces(shape: RootShape, key: RootKey, crypto: Crypto): Promise<RootTbsPieces | undefined> {
  const id = shapeId(shape);
  let proof = proofs.get(id);
  if (!proof) {
    const made = proveRootShape(shape, key, crypto).catch((e: unknown) => {
      if (e instanceof PkiError && e.code === 'internal') return undefined;
      if (proofs.get(id) === made) proofs.delete(id);
      throw e;
    });
    proofs.set(id, made);
    proof = made;
  }
  return proof;
}

/** Whether `shape` was proven, failed its proof or was not tried yet ('none') in this module's life. */
export async function rootShapeState(shape: RootShape): Promise<'proven' | 'failed' | 'none'> {
  const proof = proofs.get(shapeId(shape));
  if (!proof) return 'none';
  return (await proof.catch(() => undefined)) ? 'proven' : 'failed';
}

/** How many root shapes this module has proven or tried (tests: a second root must not cost a probe). */
export function provenRootShapeCount(): number {
  return proofs.size;
}

/** Forget every root proof (tests: the next root proves its shape again). */
export function forgetRootProofs(): void {
  proofs.clear();
}
