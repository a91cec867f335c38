/**
 * The fast twin of the general leaf path, for batches: a certificate assembled from DER pieces
 * instead of @peculiar/x509's object trees, whose encoding costs ten times the signature.
 *
 * The constant pieces (signature AlgorithmIdentifier, issuer Name, BasicConstraints, KeyUsage,
 * ExtendedKeyUsage, AuthorityKeyIdentifier) are cut out of a probe certificate made by the
 * general path (`signLeaf`); the variable ones (serial, validity, CN, SPKI, SAN, SKI) are
 * encoded here. A template is only handed out after it rebuilt the probe's TBSCertificate byte
 * for byte from the same inputs, so it cannot drift from the general path unnoticed.
 */
import { Convert } from 'pvtsutils';
import { PkiError } from './errors.ts';
import { childrenOf, isContext, readTlv, tlvView } from './asn1/tlv.ts';
import { asciiBytes, ecdsaRawToDer, tlv, TAG, unsignedInteger, x509Time } from './der-writer.ts';
import { signLeaf } from './issue.ts';
import type { LoadedIssuer } from './issuer.ts';
import { generateKeyPair, keyAlgorithm } from './keys.ts';
import { checkSubject, isPrintableString } from './names.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { sha1 } from './sha1.ts';
import type { LeafProfile } from './profiles.ts';
import type { SanEntry } from './san.ts';
import { parseIp } from './ip.ts';
import { signingAlgorithm } from './sign.ts';
import type { KeyAlgorithmId } from './algorithms.ts';

const OID_CN = new Uint8Array([0x06, 0x03, 0x55, 0x04, 0x03]);
const OID_SAN = new Uint8Array([0x06, 0x03, 0x55, 0x1d, 0x11]);
const OID_SKI = new Uint8Array([0x06, 0x03, 0x55, 0x1d, 0x0e]);
const VERSION_3 = new Uint8Array([0xa0, 0x03, 0x02, 0x01, 0x02]);
/** GeneralName context tags (RFC 5280 §4.2.1.6), primitive. */
const GN_TAG: Record<SanEntry['kind'], number> = { email: 0x81, dns: 0x82, uri: 0x86, ip: 0x87 };

/** The variable inputs of one leaf. */
export interface TemplateLeafInput {
  serial: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  commonName: string;
  sans: readonly SanEntry[];
  spki: Uint8Array;
}

export interface LeafTemplate {
  profile: LeafProfile;
  /** The key algorithm of the leaves (decides KeyUsage). */
  algorithm: KeyAlgorithmId;
  /** The issuer's key and the WebCrypto algorithm it signs with. */
  signer: { key: CryptoKey; algorithm: Algorithm | EcdsaParams };
  /** The TBSCertificate of one leaf (exposed for the byte-for-byte proof). */
  tbs(input: TemplateLeafInput, ski: Uint8Array): Uint8Array<ArrayBuffer>;
  /** The certificate around a TBS and its signature value (ECDSA: DER Ecdsa-Sig-Value). */
  assemble(tbs: Uint8Array, signature: Uint8Array): Uint8Array<ArrayBuffer>;
  /** A signed certificate, DER. */
  certificate(input: TemplateLeafInput, crypto: Crypto): Promise<Uint8Array<ArrayBuffer>>;
}

/** A fresh leaf key as DER: the key file's PKCS#8 and the certificate's SubjectPublicKeyInfo. */
export interface LeafKey {
  pkcs8: Uint8Array<ArrayBuffer>;
  spki: Uint8Array<ArrayBuffer>;
}

/**
 * The per-leaf crypto of the fast path: a fresh key, and the issuer's signature over a TBS. The
 * default is WebCrypto (webCryptoLeafEngine); a platform with a faster one brings its own
 * (the CLI's node-leaf-engine.ts), proven before use (leaf-engine.ts).
 */
export interface LeafEngine {
  newKey(): Promise<LeafKey>;
  /** The signature value as it goes into the certificate's BIT STRING (ECDSA: DER Ecdsa-Sig-Value). */
  sign(tbs: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

function subjectDer(commonName: string): Uint8Array<ArrayBuffer> {
  const value = isPrintableString(commonName)
    ? tlv(TAG.PRINTABLE_STRING, asciiBytes(commonName))
    : tlv(TAG.UTF8_STRING, new TextEncoder().encode(commonName));
  return tlv(TAG.SEQUENCE, tlv(TAG.SET, tlv(TAG.SEQUENCE, OID_CN, value)));
}

function sanDer(sans: readonly SanEntry[]): Uint8Array<ArrayBuffer> {
  const names = sans.map((s) => {
    if (s.kind === 'ip') {
      const ip = parseIp(s.value);
      if (!ip) throw new PkiError('invalid-san', 'sans', `"${s.value}" is not an IPv4 or IPv6 address`);
      return tlv(GN_TAG.ip, ip.bytes);
    }
    return tlv(GN_TAG[s.kind], asciiBytes(s.value));
  });
  return tlv(TAG.SEQUENCE, OID_SAN, tlv(TAG.OCTET_STRING, tlv(TAG.SEQUENCE, ...names)));
}

function skiDer(ski: Uint8Array): Uint8Array<ArrayBuffer> {
  return tlv(TAG.SEQUENCE, OID_SKI, tlv(TAG.OCTET_STRING, tlv(TAG.OCTET_STRING, ski)));
}

/** RFC 5280 §4.2.1.2 method 1, from SPKI DER: SHA-1 of the subjectPublicKey bits (synchronous: see sha1.ts). */
export function spkiKeyId(spki: Uint8Array): Uint8Array<ArrayBuffer> {
  const [, bits] = childrenOf(spki, readTlv(spki, 0));
  if (!bits) throw new PkiError('invalid-key', 'key', 'SubjectPublicKeyInfo without a key.');
  return sha1(spki.subarray(bits.contentStart + 1, bits.end));
}

/** The pieces cut from a probe certificate made by the general path. */
interface Pieces {
  sigAlg: Uint8Array;
  issuer: Uint8Array;
  /** Extensions in order; 'san' and 'ski' mark where the variable ones go. */
  extensions: (Uint8Array | 'san' | 'ski')[];
}

function cutPieces(certDer: Uint8Array): { pieces: Pieces; tbs: Uint8Array } {
  const [tbsT, sigAlgT] = childrenOf(certDer, readTlv(certDer, 0));
  if (!tbsT || !sigAlgT) throw new Error('probe: not a certificate');
  const [, , , issuerT, , , , extWrapT] = childrenOf(certDer, tbsT);
  if (!issuerT || !extWrapT) throw new Error('probe: unexpected TBS layout');
  const [extSeqT] = childrenOf(certDer, extWrapT);
  if (!extSeqT) throw new Error('probe: no extensions');
  const extensions = childrenOf(certDer, extSeqT).map((ext): Uint8Array | 'san' | 'ski' => {
    const [oidT] = childrenOf(certDer, ext);
    const oid = oidT ? Convert.ToHex(tlvView(certDer, oidT)) : '';
    if (oid === Convert.ToHex(OID_SAN)) return 'san';
    if (oid === Convert.ToHex(OID_SKI)) return 'ski';
    return tlvView(certDer, ext).slice();
  });
  return {
    pieces: { sigAlg: tlvView(certDer, sigAlgT).slice(), issuer: tlvView(certDer, issuerT).slice(), extensions },
    tbs: tlvView(certDer, tbsT).slice(),
  };
}

function buildTbs(p: Pieces, input: TemplateLeafInput, ski: Uint8Array): Uint8Array<ArrayBuffer> {
  const exts = p.extensions.flatMap((e) =>
    e === 'san' ? (input.sans.length ? [sanDer(input.sans)] : []) : e === 'ski' ? [skiDer(ski)] : [e],
  );
  return tlv(
    TAG.SEQUENCE,
    VERSION_3,
    unsignedInteger(input.serial),
    p.sigAlg,
    p.issuer,
    tlv(TAG.SEQUENCE, x509Time(input.notBefore), x509Time(input.notAfter)),
    subjectDer(input.commonName),
    input.spki,
    tlv(0xa3, tlv(TAG.SEQUENCE, ...exts)),
  );
}

/** Probe inputs that exercise every SAN kind, including IPv6. */
const PROBE_SANS: SanEntry[] = [
  { kind: 'dns', value: 'probe.template.example' },
  { kind: 'dns', value: '*.probe.example' },
  { kind: 'ip', value: '10.0.0.1' },
  { kind: 'ip', value: '2001:db8::1' },
  { kind: 'email', value: 'probe@example.com' },
  { kind: 'uri', value: 'spiffe://probe.example/template' },
];

/**
 * A template for leaves of `profile` with `algorithm` keys under `issuer`, proven against the
 * general path first. Throws 'internal' if the proof fails (callers fall back to the general path).
 */
export async function createLeafTemplate(
  issuer: LoadedIssuer,
  profile: LeafProfile,
  algorithm: KeyAlgorithmId,
  crypto: Crypto,
): Promise<LeafTemplate> {
  const sign = signingAlgorithm(issuer.algorithm);
  const isEcdsa = keyAlgorithm(issuer.algorithm).family === 'ec';
  const probeKey = await generateKeyPair(algorithm, crypto);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', probeKey.publicKey));
  const now = Math.floor(Date.now() / 1000) * 1000;
  const input: TemplateLeafInput = {
    serial: new Uint8Array(16).fill(0x5a),
    notBefore: new Date(Math.max(now - 60_000, issuer.notBefore.getTime())),
    notAfter: new Date(Math.min(now + 86_400_000, issuer.notAfter.getTime())),
    commonName: 'probe.template.example',
    sans: PROBE_SANS,
    spki,
  };
  const probe = await signLeaf(
    {
      profile,
      subject: checkSubject({ commonName: input.commonName }),
      sans: input.sans,
      spki: spki.buffer,
      days: 1,
      notBefore: input.notBefore.toISOString(),
      serialHex: Convert.ToHex(input.serial),
    },
    issuer,
    crypto,
  );
  const probeDer = new Uint8Array(pemDecodeAll(probe.certPem).blocks[0]?.der ?? new ArrayBuffer(0));
  const { pieces, tbs: probeTbs } = cutPieces(probeDer);
  const probeRebuilt = buildTbs(pieces, { ...input, notAfter: new Date(probe.notAfter) }, spkiKeyId(spki));
  if (Convert.ToHex(probeRebuilt) !== Convert.ToHex(probeTbs)) {
    throw new PkiError(
      'internal',
      'issuer',
      'The fast certificate template does not reproduce the general path for this CA.',
    );
  }
  const assemble = (tbs: Uint8Array, signature: Uint8Array) =>
    tlv(TAG.SEQUENCE, tbs, pieces.sigAlg, tlv(TAG.BIT_STRING, new Uint8Array([0]), signature));
  return {
    profile,
    algorithm,
    signer: { key: issuer.privateKey, algorithm: sign },
    tbs: (leaf, ski) => buildTbs(pieces, leaf, ski),
    assemble,
    async certificate(leaf, c) {
      const tbs = buildTbs(pieces, leaf, spkiKeyId(leaf.spki));
      const raw = new Uint8Array(await c.subtle.sign(sign, issuer.privateKey, tbs));
      return assemble(tbs, isEcdsa ? ecdsaRawToDer(raw) : raw);
    },
  };
}

/**
 * The SubjectPublicKeyInfo of an EC key, read from its PKCS#8 export (RFC 5915 ECPrivateKey
 * carries the public point), saving a second export per key. Undefined when absent.
 */
export function ecSpkiFromPkcs8(pkcs8: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const [, algT, keyT] = childrenOf(pkcs8, readTlv(pkcs8, 0));
  if (!algT || !keyT) return undefined;
  const ecKey = readTlv(pkcs8, keyT.contentStart);
  const pub = childrenOf(pkcs8, ecKey).find((t) => isContext(t, 1));
  if (!pub) return undefined;
  const bits = readTlv(pkcs8, pub.contentStart);
  return tlv(TAG.SEQUENCE, tlvView(pkcs8, algT), tlvView(pkcs8, bits));
}

/**
 * WebCrypto as the fast path's engine: generate, one PKCS#8 export (an EC key's SPKI is read
 * from it, ecSpkiFromPkcs8), and the issuer's signature. Three calls per leaf.
 */
export function webCryptoLeafEngine(template: LeafTemplate, crypto: Crypto): LeafEngine {
  const isEc = keyAlgorithm(template.algorithm).family === 'ec';
  const isEcdsa = template.signer.algorithm.name === 'ECDSA';
  return {
    async newKey() {
      const keys = await generateKeyPair(template.algorithm, crypto);
      const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
      const spki =
        (isEc ? ecSpkiFromPkcs8(pkcs8) : undefined) ??
        new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
      return { pkcs8, spki };
    },
    async sign(tbs) {
      const raw = new Uint8Array(await crypto.subtle.sign(template.signer.algorithm, template.signer.key, tbs));
      return isEcdsa ? ecdsaRawToDer(raw) : raw;
    },
  };
}

/** One leaf on the fast path: fresh key, certificate and key as PEM. */
export async function issueFromTemplate(
  template: LeafTemplate,
  leaf: Omit<TemplateLeafInput, 'spki'>,
  engine: LeafEngine,
): Promise<{ certPem: string; keyPem: string; certDer: Uint8Array }> {
  const key = await engine.newKey();
  const tbs = template.tbs({ ...leaf, spki: key.spki }, spkiKeyId(key.spki));
  const certDer = template.assemble(tbs, await engine.sign(tbs));
  return { certPem: pemEncode('CERTIFICATE', certDer), keyPem: pemEncode('PRIVATE KEY', key.pkcs8), certDer };
}
