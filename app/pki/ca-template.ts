/**
 * The fast twin of the general root CA path (ca-general.ts), for the roots a Cluster makes: the
 * TBSCertificate written with the DER writer (name-der.ts, ca-tbs.ts) and signed with one
 * WebCrypto call, instead of @peculiar/x509's generator (schema encoding, extension objects, then
 * a full parse of what it wrote). A P-256 root took 2.9 ms in a Chromium worker and takes 0.22 ms
 * here (medians of 8 alternated runs of 40 roots); in Node 4.5-6.5 and 0.9-1.2 ms of CPU. A shape
 * (key algorithm, path length) is served only once ca-template-proof.ts proved it byte for byte
 * against the general path, on the shape's first root, which the general path makes; a shape that
 * failed, and every shape this does not cover (an existing key, ML-DSA, intermediates), takes the
 * general path.
 *
 * WebCrypto calls: generate, then for an EC key one PKCS#8 export (its SPKI is read from it,
 * ecSpkiFromPkcs8) and for the others the PKCS#8 and SPKI exports, as a leaf's key
 * (leaf-maker.ts keyDer), then the signature; the SKI is our SHA-1 of the SPKI bytes
 * (spkiKeyId), not a digest call. The general path made five calls one after another. Fewer calls is what counts: Chromium runs these calls
 * on the calling thread, so side by side saves little (raw, in a worker: five calls 0.216 ms,
 * these three 0.154 ms for P-256). Its PEM and hex texts are the platform's base64 and hex once
 * they proved they write what pemEncode and Convert.ToHex write (native-pem.ts, native-hex.ts),
 * as the batch's leaves have them: once per cluster, in code a fresh worker runs unoptimised.
 */
import type { KeyAlgorithmId } from './algorithms.ts';
import type { MadeCa } from './ca-general.ts';
import { generalRoot, rootShapeProof, type RootInputs, type RootKey, type RootShape } from './ca-template-proof.ts';
import { rootTbs, type RootTbsPieces } from './ca-tbs.ts';
import { certificateDer, ecdsaRawToDer } from './der-writer.ts';
import { generateKeyPair, keyAlgorithm } from './keys.ts';
import { keyDer } from './leaf-maker.ts';
import { spkiKeyId } from './leaf-tbs.ts';
import { subjectNameDer } from './name-der.ts';
import type { SubjectFields } from './names.ts';
import { bytesToHex } from './native-hex.ts';
import { fastPemEncode } from './native-pem.ts';
import { randomSerialBytes } from './serial.ts';
import { signingAlgorithm } from './sign.ts';
import type { ValidityWindow } from './validity.ts';

/** What the fast path makes roots for: a fresh key of a classical algorithm (ML-DSA takes the general path). */
export function isFastRootAlgorithm(algorithm: KeyAlgorithmId): boolean {
  return keyAlgorithm(algorithm).family !== 'ml-dsa';
}

/** A fresh key with its SPKI and PKCS#8, in as few WebCrypto calls as the key type allows (see the module comment). */
async function freshRootKey(algorithm: KeyAlgorithmId, crypto: Crypto): Promise<RootKey> {
  const keys = await generateKeyPair(algorithm, crypto);
  // The root keeps its key's bytes: they are its own (keyDer's default), not a leaf's shared slab.
  const { pkcs8, spki } = await keyDer(keys, keyAlgorithm(algorithm).family === 'ec', crypto);
  return { privateKey: keys.privateKey, publicKey: keys.publicKey, pkcs8, spki };
}

/**
 * A self-signed root with a fresh `algorithm` key for fields checkSubject has checked: on the
 * fast path when its shape is proven; made by the general path when it is the first of its shape
 * (and proves it) or its shape failed its proof.
 */
export async function rootWithFreshKey(
  checked: SubjectFields,
  shape: RootShape,
  window: ValidityWindow,
  crypto: Crypto,
): Promise<MadeCa> {
  const key = await freshRootKey(shape.algorithm, crypto);
  const inputs = { checked, serial: randomSerialBytes(crypto), window, key };
  const proof = await rootShapeProof(shape, inputs, crypto);
  if ('made' in proof) return proof.made;
  if (!proof.pieces) return generalRoot(shape, inputs, crypto);
  return fastRoot(shape, inputs, proof.pieces, crypto);
}

/** The root of `inputs` on the fast path, with the pieces its shape proved. */
async function fastRoot(shape: RootShape, inputs: RootInputs, pieces: RootTbsPieces, crypto: Crypto): Promise<MadeCa> {
  const { key, serial, window } = inputs;
  const name = subjectNameDer(inputs.checked);
  const ski = spkiKeyId(key.spki);
  const tbs = rootTbs(pieces, {
    serial,
    name,
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    spki: key.spki,
    ski,
  });
  const sign = signingAlgorithm(shape.algorithm);
  const raw = new Uint8Array(await crypto.subtle.sign(sign, key.privateKey, tbs));
  const der = certificateDer(tbs, pieces.sigAlg, sign.name === 'ECDSA' ? ecdsaRawToDer(raw) : raw);
  return {
    result: {
      certPem: fastPemEncode('CERTIFICATE', der),
      keyPem: fastPemEncode('PRIVATE KEY', key.pkcs8),
      notBefore: window.notBefore.toISOString(),
      notAfter: window.notAfter.toISOString(),
      serial: bytesToHex(serial),
      notes: window.notes,
    },
    facts: {
      subjectDer: name.buffer,
      privateKey: key.privateKey,
      algorithm: shape.algorithm,
      keyId: bytesToHex(ski),
      ...(shape.pathLength === undefined ? {} : { pathLength: shape.pathLength }),
      notBefore: window.notBefore,
      notAfter: window.notAfter,
    },
    der: der.buffer,
  };
}
