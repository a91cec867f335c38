/**
 * The proof behind the root CA fast path (ca-template.ts): the first root of each (key algorithm,
 * path length) in the life of the module (a worker, a CLI run) is made by the general path
 * (ca-general.ts, the generator), and the fast writers (name-der.ts, ca-tbs.ts) write its
 * TBSCertificate again from the same inputs: the same key, serial, name and window. The later
 * roots of that shape take the fast path only when the two were equal byte for byte; a shape whose
 * proof failed stays on the general path.
 *
 * Why once per shape is enough: of a root's constant pieces, the signature AlgorithmIdentifier
 * depends on nothing but the key algorithm (sign.ts signingAlgorithm), and BasicConstraints and
 * KeyUsage on nothing but the key family and the path length; they are taken from the proving root
 * and from caExtensions' own DER. Everything else is each root's own and written by code the proof
 * holds to the general path: the whole TBS layout, the serial, the SPKI as the fast path reads it
 * (an EC key's from its PKCS#8) against WebCrypto's SPKI export, the SKI by our SHA-1 against the
 * general path's WebCrypto digest. A first root may not use every Name attribute or string type,
 * nor a time after 2049, so the encoders are also held, once per module life, to the general
 * path's own on probes that do (encodersAgree): a Name with all six attributes in both string
 * types, and the times on either side of the UTCTime/GeneralizedTime switch.
 *
 * The first root of a shape is the general path's own certificate, made with the WebCrypto calls
 * the general path always made (a key, its SPKI and PKCS#8 exports, the SKI digest, one
 * signature), so a proof adds no key, no signature and no certificate: only the fast writer's TBS,
 * its comparison and, once per module life, the encoders' probes.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Time } from '@peculiar/asn1-x509';
import { Convert } from 'pvtsutils';
import type { KeyAlgorithmId } from './algorithms.ts';
import { generalCaCertificate, type MadeCa } from './ca-general.ts';
import { rootTbs, type RootTbsPieces, type RootTbsWriter } from './ca-tbs.ts';
import { x509Time } from './der-writer.ts';
import { tbsAndSigAlg } from './signed-parts.ts';
import { caExtensions } from './extensions.ts';
import { keyAlgorithm } from './keys.ts';
import { spkiKeyId } from './leaf-tbs.ts';
import { subjectNameDer } from './name-der.ts';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';
import { OID } from './model/oids.ts';
import { pemEncode } from './pem.ts';
import type { ValidityWindow } from './validity.ts';

/** A root's shape: what decides its constant pieces. */
export interface RootShape {
  algorithm: KeyAlgorithmId;
  /** BasicConstraints pathLen; undefined for no limit. */
  pathLength: number | undefined;
}

/** The fresh key of a root, as the fast path holds it. */
export interface RootKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The SubjectPublicKeyInfo the fast path writes (an EC key's read from its PKCS#8). */
  spki: Uint8Array;
  pkcs8: Uint8Array;
}

/** Everything a root is made of, settled and checked. */
export interface RootInputs {
  /** Subject fields checkSubject returned. */
  checked: SubjectFields;
  /** 16 bytes, as serial.ts draws them. */
  serial: Uint8Array;
  window: ValidityWindow;
  key: RootKey;
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

/** Times on either side of RFC 5280 §4.1.2.5's switch from UTCTime to GeneralizedTime, and a 19xx UTCTime. */
const PROBE_TIMES = ['1999-12-31T23:59:59Z', '2049-12-31T23:59:59Z', '2050-01-01T00:00:00Z', '9999-12-31T23:59:59Z'];

let encoders: boolean | undefined;

/**
 * Whether the fast path's Name and Time encoders write what the general path's write on probes
 * that use every attribute, both string types and both time types; checked once per module life.
 */
export function encodersAgree(): boolean {
  if (encoders === undefined) {
    const name =
      Convert.ToHex(subjectName(PROBE_SUBJECT).toArrayBuffer()) ===
      Convert.ToHex(subjectNameDer(checkSubject(PROBE_SUBJECT)));
    // The generator writes each time as asn1-x509's Time (X509CertificateGenerator.create: new Validity).
    const times = PROBE_TIMES.every(
      (t) => Convert.ToHex(AsnConvert.serialize(new Time(new Date(t)))) === Convert.ToHex(x509Time(new Date(t))),
    );
    encoders = name && times;
  }
  return encoders;
}

/** The shape's pieces: the root's signature AlgorithmIdentifier and caExtensions' DER, 'ski' where the key id goes. */
function shapePieces(shape: RootShape, sigAlg: Uint8Array): RootTbsPieces {
  const extensions = caExtensions({
    subjectKeyId: '00',
    pathLength: shape.pathLength,
    family: keyAlgorithm(shape.algorithm).family,
  }).map((e): Uint8Array | 'ski' => (e.type === OID.subjectKeyId ? 'ski' : new Uint8Array(e.rawData)));
  return { sigAlg, extensions };
}

/** The root of `inputs` on the general path (the generator), with WebCrypto's own SPKI export of its key. */
export async function generalRoot(shape: RootShape, inputs: RootInputs, crypto: Crypto): Promise<MadeCa> {
  const { key } = inputs;
  return generalCaCertificate(
    {
      key: {
        privateKey: key.privateKey,
        spki: await crypto.subtle.exportKey('spki', key.publicKey),
        algorithm: shape.algorithm,
        pkcs8Pem: pemEncode('PRIVATE KEY', key.pkcs8),
      },
      serialHex: Convert.ToHex(inputs.serial),
      subject: subjectName(inputs.checked),
      window: inputs.window,
      pathLength: shape.pathLength,
      signer: {},
    },
    crypto,
  );
}

/**
 * The root of `inputs` made by the general path, and the pieces of `shape` when `write` (the fast
 * path's writer; tests give mutated ones) rebuilt its TBS byte for byte from the same inputs (the
 * SPKI as the fast path read it, not WebCrypto's export the general path was given) and the
 * encoders agree; undefined pieces otherwise.
 */
export async function proveRootShape(
  shape: RootShape,
  inputs: RootInputs,
  crypto: Crypto,
  write: RootTbsWriter = rootTbs,
): Promise<{ made: MadeCa; pieces: RootTbsPieces | undefined }> {
  const { key, window } = inputs;
  const made = await generalRoot(shape, inputs, crypto);
  const { tbs, sigAlg } = tbsAndSigAlg(new Uint8Array(made.der));
  const pieces = shapePieces(shape, sigAlg);
  const rebuilt = write(pieces, {
    serial: inputs.serial,
    name: subjectNameDer(inputs.checked),
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    spki: key.spki,
    ski: spkiKeyId(key.spki),
  });
  const same = Convert.ToHex(rebuilt) === Convert.ToHex(tbs) && encodersAgree();
  return { made, pieces: same ? pieces : undefined };
}

const shapeId = (shape: RootShape) => `${shape.algorithm}/${shape.pathLength ?? 'none'}`;

/** Proofs made (or being made) in this module's life, by shape; undefined pieces once a shape failed. */
const proofs = new Map<string, Promise<RootTbsPieces | undefined>>();

/**
 * What the fast path may do with the root of `inputs`: when its shape has no proof yet, the root
 * is made here by the general path and proves the shape (`made`); otherwise the shape's `pieces`,
 * undefined when its proof failed. A proof that throws (WebCrypto refusing the key) is not kept,
 * and roots waiting on it take the general path.
 */
export async function rootShapeProof(
  shape: RootShape,
  inputs: RootInputs,
  crypto: Crypto,
): Promise<{ made: MadeCa } | { pieces: RootTbsPieces | undefined }> {
  const id = shapeId(shape);
  const known = proofs.get(id);
  if (known) return { pieces: await known.catch(() => undefined) };
  const proving = proveRootShape(shape, inputs, crypto);
  const pieces = proving.then((p) => p.pieces);
  proofs.set(id, pieces);
  pieces.catch(() => {
    if (proofs.get(id) === pieces) proofs.delete(id);
  });
  return { made: (await proving).made };
}

/** Whether `shape` was proven, failed its proof or was not tried yet ('none') in this module's life. */
export async function rootShapeState(shape: RootShape): Promise<'proven' | 'failed' | 'none'> {
  const proof = proofs.get(shapeId(shape));
  if (!proof) return 'none';
  return (await proof.catch(() => undefined)) ? 'proven' : 'failed';
}

/** How many root shapes this module has proven or tried (tests: a second root must not cost a proof). */
export function provenRootShapeCount(): number {
  return proofs.size;
}

/** Forget every root proof (tests: the next root proves its shape again). */
export function forgetRootProofs(): void {
  proofs.clear();
  encoders = undefined;
}
