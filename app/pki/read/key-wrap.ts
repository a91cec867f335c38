/**
 * Normalise keys: @peculiar/x509 and WebCrypto take private keys only as PKCS#8 and public keys
 * only as SPKI, so PKCS#1 (RFC 8017 A.1) and SEC1 (RFC 5915) keys are wrapped here with the
 * @peculiar/asn1-* schema classes. Public halves are derived from the key structure itself where
 * it carries them (RSA modulus and exponent, SEC1's optional public point).
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { RSAPrivateKey, RSAPublicKey } from '@peculiar/asn1-rsa';
import { ECParameters, ECPrivateKey } from '@peculiar/asn1-ecc';
import { PkiError } from '../errors.ts';
import { dsaOrRsaPssSpki } from './dsa-rsa-pss-public.ts';

export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';

function rsaAlgorithm(): AlgorithmIdentifier {
  return new AlgorithmIdentifier({ algorithm: OID_RSA_ENCRYPTION, parameters: null });
}

function ecAlgorithm(curveOid: string): AlgorithmIdentifier {
  return new AlgorithmIdentifier({
    algorithm: OID_EC_PUBLIC_KEY,
    parameters: AsnConvert.serialize(new ECParameters({ namedCurve: curveOid })),
  });
}

function parseOr<T>(der: BufferSource, type: new () => T, what: string): T {
  try {
    return AsnConvert.parse(der, type);
  } catch (e) {
    throw new PkiError('invalid-key', 'key', `This ${what} is damaged: its ASN.1 does not parse.`, { cause: e });
  }
}

/** RSAPublicKey (PKCS#1) to SubjectPublicKeyInfo. */
export function rsaPublicToSpki(pkcs1Der: BufferSource): ArrayBuffer {
  parseOr(pkcs1Der, RSAPublicKey, 'RSA public key');
  const spki = new SubjectPublicKeyInfo({ algorithm: rsaAlgorithm(), subjectPublicKey: toArrayBuffer(pkcs1Der) });
  return AsnConvert.serialize(spki);
}

/** RSAPrivateKey (PKCS#1, `openssl genrsa -traditional`) to PKCS#8, with its public SPKI. */
export function rsaPrivateToPkcs8(pkcs1Der: BufferSource): { pkcs8: ArrayBuffer; spki: ArrayBuffer } {
  const key = parseOr(pkcs1Der, RSAPrivateKey, 'RSA private key');
  const pkcs8 = new PrivateKeyInfo({
    version: 0,
    privateKeyAlgorithm: rsaAlgorithm(),
    privateKey: new OctetString(toArrayBuffer(pkcs1Der)),
  });
  const pub = AsnConvert.serialize(new RSAPublicKey({ modulus: key.modulus, publicExponent: key.publicExponent }));
  return {
    pkcs8: AsnConvert.serialize(pkcs8),
    spki: AsnConvert.serialize(new SubjectPublicKeyInfo({ algorithm: rsaAlgorithm(), subjectPublicKey: pub })),
  };
}

/**
 * ECPrivateKey (SEC1) to PKCS#8. The curve comes from the key's own parameters or, when the key
 * omits them, from an `EC PARAMETERS` block that preceded it (`curveFromContext`).
 */
export function ecPrivateToPkcs8(
  sec1Der: BufferSource,
  curveFromContext?: string,
): { pkcs8: ArrayBuffer; spki: ArrayBuffer | null; curve: string } {
  const key = parseOr(sec1Der, ECPrivateKey, 'EC private key');
  if (key.parameters && !key.parameters.namedCurve) {
    throw new PkiError(
      'unsupported-algorithm',
      'key',
      'This EC key spells out its curve parameters instead of naming a curve; re-save it with `openssl ec -in key.pem -param_enc named_curve -out named.pem`.',
    );
  }
  const curve = key.parameters?.namedCurve ?? curveFromContext;
  if (!curve) {
    throw new PkiError(
      'invalid-key',
      'key',
      'This EC private key does not say its curve; paste it together with its "EC PARAMETERS" block.',
    );
  }
  // RFC 5915 §3 lets PKCS#8 carry the curve in the AlgorithmIdentifier only.
  const inner = new ECPrivateKey({ version: 1, privateKey: key.privateKey, publicKey: key.publicKey });
  const pkcs8 = new PrivateKeyInfo({
    version: 0,
    privateKeyAlgorithm: ecAlgorithm(curve),
    privateKey: new OctetString(AsnConvert.serialize(inner)),
  });
  const spki = key.publicKey
    ? AsnConvert.serialize(new SubjectPublicKeyInfo({ algorithm: ecAlgorithm(curve), subjectPublicKey: key.publicKey }))
    : null;
  return { pkcs8: AsnConvert.serialize(pkcs8), spki, curve };
}

/**
 * The public SPKI of a PKCS#8 key when the key structure carries it (RSA and RSA-PSS always; EC
 * when SEC1's public point is present; DSA from its parameters, see dsa-rsa-pss-public.ts). null
 * otherwise (Ed25519, EC without the point): derive with WebCrypto.
 */
export function spkiFromPkcs8Structure(pkcs8Der: BufferSource): ArrayBuffer | null {
  const info = parseOr(pkcs8Der, PrivateKeyInfo, 'PKCS#8 private key');
  const alg = info.privateKeyAlgorithm;
  if (alg.algorithm === OID_RSA_ENCRYPTION) return rsaPrivateToPkcs8(info.privateKey.buffer).spki;
  if (alg.algorithm === OID_EC_PUBLIC_KEY && alg.parameters) {
    const params = parseOr(alg.parameters, ECParameters, 'EC key parameters');
    const inner = parseOr(info.privateKey.buffer, ECPrivateKey, 'EC private key');
    if (!params.namedCurve || !inner.publicKey) return null;
    return AsnConvert.serialize(
      new SubjectPublicKeyInfo({ algorithm: ecAlgorithm(params.namedCurve), subjectPublicKey: inner.publicKey }),
    );
  }
  try {
    return dsaOrRsaPssSpki(info);
  } catch {
    return null; // A damaged DSA or RSA-PSS key is still shown, just not matched.
  }
}

/** The curve OID of an `EC PARAMETERS` block, or undefined for explicit parameters. */
export function namedCurveOf(ecParametersDer: BufferSource): string | undefined {
  try {
    return AsnConvert.parse(ecParametersDer, ECParameters).namedCurve;
  } catch {
    return undefined;
  }
}

export function toArrayBuffer(src: BufferSource): ArrayBuffer {
  if (src instanceof ArrayBuffer) return src;
  const view = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  return view.slice().buffer;
}
