/**
 * ML-DSA keys in X.509 and PKCS#8 (RFC 9881). The SubjectPublicKeyInfo holds the raw public key
 * (pkEncode) in its BIT STRING, the AlgorithmIdentifier has no parameters (§4). The PKCS#8
 * privateKey OCTET STRING holds the DER of (§6):
 *
 *   ML-DSA-xx-PrivateKey ::= CHOICE {
 *     seed [0] OCTET STRING (SIZE (32)),
 *     expandedKey OCTET STRING (SIZE (2560 | 4032 | 4896)),
 *     both SEQUENCE { seed OCTET STRING (SIZE (32)), expandedKey OCTET STRING } }
 *
 * We write the seed form only (the 32 bytes the rest is derived from) and read all three.
 */
import { childrenOf, identifierOctet, readTlv, type Tlv } from '../asn1/tlv.ts';
import { TAG, tlv } from '../der-writer.ts';
import { PkiError } from '../errors.ts';
import { ML_DSA_SEED_BYTES, mlDsaOfOid, type MlDsaParams } from './params.ts';

export type MlDsaPrivateKeyForm = 'seed' | 'expanded' | 'both';

export interface MlDsaPrivateKey {
  params: MlDsaParams;
  form: MlDsaPrivateKeyForm;
  /** Present in the seed and both forms. */
  seed?: Uint8Array;
  /** Present in the expanded and both forms. */
  expandedKey?: Uint8Array;
}

/** [0] IMPLICIT OCTET STRING: context-specific, primitive, tag 0 (RFC 9881 §6, module in Appendix A). */
const SEED_TAG = 0x80;

/** DER of an OBJECT IDENTIFIER (X.690 §8.19). */
function oidDer(oid: string): Uint8Array<ArrayBuffer> {
  const arcs = oid.split('.').map(Number);
  const body: number[] = [40 * (arcs[0] ?? 0) + (arcs[1] ?? 0)];
  for (const arc of arcs.slice(2)) {
    const septets: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) septets.unshift(0x80 | (v & 0x7f));
    body.push(...septets);
  }
  return tlv(TAG.OID, new Uint8Array(body));
}

/** The dotted form of an OBJECT IDENTIFIER's content. */
function oidText(content: Uint8Array): string {
  const arcs: number[] = [];
  let v = 0;
  for (const b of content) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

function algorithmIdentifier(params: MlDsaParams): Uint8Array<ArrayBuffer> {
  return tlv(TAG.SEQUENCE, oidDer(params.oid));
}

/** SubjectPublicKeyInfo DER of a raw ML-DSA public key. */
export function mlDsaSpki(params: MlDsaParams, publicKey: Uint8Array): Uint8Array<ArrayBuffer> {
  if (publicKey.length !== params.publicKeyBytes)
    throw new PkiError(
      'invalid-key',
      'key',
      `An ${params.name} public key is ${params.publicKeyBytes} bytes, not ${publicKey.length}.`,
    );
  return tlv(TAG.SEQUENCE, algorithmIdentifier(params), tlv(TAG.BIT_STRING, new Uint8Array([0]), publicKey));
}

/** PKCS#8 (OneAsymmetricKey v1, RFC 5958) DER of an ML-DSA key in the seed form. */
export function mlDsaPkcs8(params: MlDsaParams, seed: Uint8Array): Uint8Array<ArrayBuffer> {
  if (seed.length !== ML_DSA_SEED_BYTES)
    throw new PkiError('invalid-key', 'key', `An ML-DSA seed is ${ML_DSA_SEED_BYTES} bytes, not ${seed.length}.`);
  const privateKey = tlv(SEED_TAG, seed);
  return tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, new Uint8Array([0])),
    algorithmIdentifier(params),
    tlv(TAG.OCTET_STRING, privateKey),
  );
}

/** PKCS#8 DER of an ML-DSA key in the expanded or both form (what OpenSSL may write; we only write it in tests). */
export function mlDsaPkcs8Of(
  params: MlDsaParams,
  key: { seed?: Uint8Array; expandedKey?: Uint8Array },
): Uint8Array<ArrayBuffer> {
  const { seed, expandedKey } = key;
  if (seed && !expandedKey) return mlDsaPkcs8(params, seed);
  if (!expandedKey) throw new PkiError('invalid-key', 'key', 'An ML-DSA private key needs a seed or an expanded key.');
  const inner = seed
    ? tlv(TAG.SEQUENCE, tlv(TAG.OCTET_STRING, seed), tlv(TAG.OCTET_STRING, expandedKey))
    : tlv(TAG.OCTET_STRING, expandedKey);
  return tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, new Uint8Array([0])),
    algorithmIdentifier(params),
    tlv(TAG.OCTET_STRING, inner),
  );
}

function damaged(what: string): PkiError {
  return new PkiError('invalid-key', 'key', `This ML-DSA ${what} is damaged: it does not follow RFC 9881.`);
}

/** The ML-DSA parameter set an AlgorithmIdentifier TLV names; undefined for another algorithm; an error for parameters (§2: MUST be absent). */
function mlDsaAlgorithm(der: Uint8Array, alg: Tlv | undefined, what: string): MlDsaParams | undefined {
  if (!alg || identifierOctet(alg) !== TAG.SEQUENCE) throw damaged(what);
  const [oid, ...rest] = childrenOf(der, alg);
  if (!oid || identifierOctet(oid) !== TAG.OID) throw damaged(what);
  const params = mlDsaOfOid(oidText(der.subarray(oid.contentStart, oid.end)));
  if (params && rest.length)
    throw new PkiError(
      'invalid-key',
      'key',
      `This ${params.name} ${what} carries algorithm parameters; RFC 9881 §2 says they are absent.`,
    );
  return params;
}

function topLevel(der: Uint8Array, what: string): Tlv[] {
  try {
    const outer = readTlv(der, 0);
    if (identifierOctet(outer) !== TAG.SEQUENCE || outer.end !== der.length) throw damaged(what);
    return childrenOf(der, outer);
  } catch (e) {
    throw e instanceof PkiError ? e : damaged(what);
  }
}

/** An ML-DSA SubjectPublicKeyInfo's parameter set and raw key; undefined when the SPKI is for another algorithm. */
export function parseMlDsaSpki(spkiDer: Uint8Array): { params: MlDsaParams; publicKey: Uint8Array } | undefined {
  const [alg, bits] = topLevel(spkiDer, 'public key');
  const params = mlDsaAlgorithm(spkiDer, alg, 'public key');
  if (!params) return undefined;
  if (!bits || identifierOctet(bits) !== TAG.BIT_STRING || spkiDer[bits.contentStart] !== 0)
    throw damaged('public key');
  const publicKey = spkiDer.slice(bits.contentStart + 1, bits.end);
  if (publicKey.length !== params.publicKeyBytes) {
    throw new PkiError(
      'invalid-key',
      'key',
      `This ${params.name} public key is ${publicKey.length} bytes; FIPS 204 makes it ${params.publicKeyBytes}.`,
    );
  }
  return { params, publicKey };
}

function octets(
  der: Uint8Array,
  t: Tlv | undefined,
  tag: number,
  size: number,
  params: MlDsaParams,
  name: string,
): Uint8Array {
  if (!t || identifierOctet(t) !== tag) throw damaged('private key');
  const value = der.slice(t.contentStart, t.end);
  if (value.length !== size)
    throw new PkiError(
      'invalid-key',
      'key',
      `The ${name} of this ${params.name} private key is ${value.length} bytes; RFC 9881 makes it ${size}.`,
    );
  return value;
}

/** The inner ML-DSA-xx-PrivateKey CHOICE (the content of PKCS#8's privateKey OCTET STRING). */
export function parseMlDsaPrivateKeyChoice(params: MlDsaParams, inner: Uint8Array): MlDsaPrivateKey {
  let top: Tlv;
  try {
    top = readTlv(inner, 0);
  } catch {
    throw damaged('private key');
  }
  if (top.end !== inner.length) throw damaged('private key');
  if (identifierOctet(top) === SEED_TAG)
    return { params, form: 'seed', seed: octets(inner, top, SEED_TAG, ML_DSA_SEED_BYTES, params, 'seed') };
  if (identifierOctet(top) === TAG.OCTET_STRING)
    return {
      params,
      form: 'expanded',
      expandedKey: octets(inner, top, TAG.OCTET_STRING, params.expandedKeyBytes, params, 'expanded key'),
    };
  if (identifierOctet(top) === TAG.SEQUENCE) {
    const parts = childrenOf(inner, top);
    if (parts.length !== 2) throw damaged('private key');
    return {
      params,
      form: 'both',
      seed: octets(inner, parts[0], TAG.OCTET_STRING, ML_DSA_SEED_BYTES, params, 'seed'),
      expandedKey: octets(inner, parts[1], TAG.OCTET_STRING, params.expandedKeyBytes, params, 'expanded key'),
    };
  }
  throw damaged('private key');
}

/** An ML-DSA PKCS#8 key in any of the three forms; undefined when the key is for another algorithm. */
export function parseMlDsaPkcs8(pkcs8Der: Uint8Array): MlDsaPrivateKey | undefined {
  const [version, alg, privateKey] = topLevel(pkcs8Der, 'private key');
  if (!version || identifierOctet(version) !== TAG.INTEGER) throw damaged('private key');
  const params = mlDsaAlgorithm(pkcs8Der, alg, 'private key');
  if (!params) return undefined;
  if (!privateKey || identifierOctet(privateKey) !== TAG.OCTET_STRING) throw damaged('private key');
  return parseMlDsaPrivateKeyChoice(params, pkcs8Der.subarray(privateKey.contentStart, privateKey.end));
}
