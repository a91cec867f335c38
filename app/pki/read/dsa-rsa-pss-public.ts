/**
 * Public halves of the private keys WebCrypto cannot import, from the key structure alone, so a
 * DSA or RSA-PSS key read from a keystore gets its public key (and can be matched with its
 * certificate) instead of `publicKey: null`.
 *
 * - RSA-PSS (RFC 4055 §1.2, RFC 8017 A.1): the private key is an RSAPrivateKey as for
 *   rsaEncryption; the SPKI keeps the key's own AlgorithmIdentifier (with its PSS parameters).
 * - DSA (RFC 3279 §2.3.2, FIPS 186-4 §4.1): the private key is the INTEGER x and the domain
 *   parameters (p, q, g) sit in the AlgorithmIdentifier; the public key is y = g^x mod p.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { RSAPrivateKey, RSAPublicKey } from '@peculiar/asn1-rsa';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { tlv } from '../der-writer.ts';
import { childrenOf, contentOf, isUniversal, readWhole, TAG } from '../asn1/tlv.ts';

export const OID_RSA_PSS = '1.2.840.113549.1.1.10';
export const OID_DSA = '1.2.840.10040.4.1';

function bigintOf(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** An unsigned big integer as DER INTEGER content (a leading zero when the top bit is set). */
function integerContent(v: bigint): Uint8Array {
  const hex = v.toString(16).padStart(2, '0');
  const even = hex.length % 2 ? `0${hex}` : hex;
  const bytes = Uint8Array.from(even.match(/../g)!.map((h) => parseInt(h, 16)));
  return bytes[0]! & 0x80 ? Uint8Array.of(0, ...bytes) : bytes;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** The SPKI of an RSA-PSS or DSA PKCS#8 key, or null for any other key type or a malformed one. */
export function dsaOrRsaPssSpki(info: PrivateKeyInfo): ArrayBuffer | null {
  const alg = info.privateKeyAlgorithm;
  if (alg.algorithm === OID_RSA_PSS) {
    const key = AsnConvert.parse(info.privateKey.buffer, RSAPrivateKey);
    const pub = AsnConvert.serialize(new RSAPublicKey({ modulus: key.modulus, publicExponent: key.publicExponent }));
    return AsnConvert.serialize(new SubjectPublicKeyInfo({ algorithm: alg, subjectPublicKey: pub }));
  }
  if (alg.algorithm === OID_DSA && alg.parameters) {
    const params = new Uint8Array(alg.parameters);
    const [p, q, g] = childrenOf(params, readWhole(params));
    const xBytes = new Uint8Array(info.privateKey.buffer);
    const xRoot = readWhole(xBytes);
    if (
      !isUniversal(p, TAG.INTEGER) ||
      !isUniversal(q, TAG.INTEGER) ||
      !isUniversal(g, TAG.INTEGER) ||
      !isUniversal(xRoot, TAG.INTEGER)
    )
      return null;
    const modulus = bigintOf(contentOf(params, p));
    // FIPS 186-4 sizes: p of 1024 to 3072 bits; refuse anything far outside rather than run a huge exponentiation.
    if (modulus < 2n || modulus.toString(2).length > 4096) return null;
    const y = modPow(bigintOf(contentOf(params, g)), bigintOf(contentOf(xBytes, xRoot)), modulus);
    return AsnConvert.serialize(
      new SubjectPublicKeyInfo({
        algorithm: alg,
        subjectPublicKey: tlv(TAG.INTEGER, integerContent(y)).slice().buffer,
      }),
    );
  }
  return null;
}
