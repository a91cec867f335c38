/**
 * Test-only certificate factory (imported by *.test.ts, never by the core): makes keys and
 * certificates with exactly the extensions a test asks for, and can re-sign a certificate
 * after a test has bent its ASN.1 (serials, time encodings, algorithms).
 */
import * as x509 from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  Certificate,
  GeneralName,
  GeneralSubtree,
  GeneralSubtrees,
  NameConstraints,
  id_ce_nameConstraints,
} from '@peculiar/asn1-x509';

export type TestKeyAlg = 'p256' | 'p384' | 'rsa1024' | 'rsa2048' | 'ed25519';

const ALGS: Record<TestKeyAlg, RsaHashedKeyGenParams | EcKeyGenParams | Algorithm> = {
  p256: { name: 'ECDSA', namedCurve: 'P-256' },
  p384: { name: 'ECDSA', namedCurve: 'P-384' },
  rsa1024: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 1024,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  rsa2048: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  ed25519: { name: 'Ed25519' },
};

export async function newKey(alg: TestKeyAlg = 'p256'): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(ALGS[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
}

export function signingAlgorithm(key: CryptoKey): Algorithm | EcdsaParams {
  return key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : key.algorithm;
}

export interface Issuer {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

export interface CertSpec {
  subject: string;
  keys: CryptoKeyPair;
  /** Omitted: self-signed. */
  issuer?: Issuer;
  serial?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** true, false, or a path length; omitted: no basicConstraints. */
  ca?: boolean | number;
  caCritical?: boolean;
  keyUsage?: x509.KeyUsageFlags;
  eku?: string[];
  san?: x509.JsonGeneralName[];
  sanCritical?: boolean;
  ski?: boolean;
  aki?: boolean;
  permitted?: Partial<GeneralName>[];
  excluded?: Partial<GeneralName>[];
  extra?: x509.Extension[];
}

export const T0 = new Date(Date.UTC(2025, 0, 1));
export const T1 = new Date(Date.UTC(2027, 0, 1));

function nameConstraints(
  permitted: Partial<GeneralName>[] = [],
  excluded: Partial<GeneralName>[] = [],
): x509.Extension {
  const tree = (list: Partial<GeneralName>[]) =>
    list.length ? new GeneralSubtrees(list.map((n) => new GeneralSubtree({ base: new GeneralName(n) }))) : undefined;
  const nc = new NameConstraints({ permittedSubtrees: tree(permitted), excludedSubtrees: tree(excluded) });
  return new x509.Extension(id_ce_nameConstraints, true, AsnConvert.serialize(nc));
}

/** Make a certificate as the spec says (SKI and AKI by default, SHA-256 or EdDSA signatures). */
export async function makeCert(spec: CertSpec): Promise<x509.X509Certificate> {
  const ext: x509.Extension[] = [];
  if (spec.ca !== undefined) {
    const ca = spec.ca !== false;
    ext.push(
      new x509.BasicConstraintsExtension(
        ca,
        typeof spec.ca === 'number' ? spec.ca : undefined,
        spec.caCritical ?? true,
      ),
    );
  }
  if (spec.keyUsage !== undefined) ext.push(new x509.KeyUsagesExtension(spec.keyUsage, true));
  if (spec.eku) ext.push(new x509.ExtendedKeyUsageExtension(spec.eku));
  if (spec.san) ext.push(new x509.SubjectAlternativeNameExtension(spec.san, spec.sanCritical ?? false));
  if (spec.ski ?? true) ext.push(await x509.SubjectKeyIdentifierExtension.create(spec.keys.publicKey));
  if (spec.issuer && (spec.aki ?? true))
    ext.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.keys.publicKey));
  if (spec.permitted || spec.excluded) ext.push(nameConstraints(spec.permitted, spec.excluded));
  ext.push(...(spec.extra ?? []));
  const signer = spec.issuer?.keys ?? spec.keys;
  return x509.X509CertificateGenerator.create({
    serialNumber: spec.serial ?? '01',
    subject: spec.subject,
    issuer: spec.issuer ? spec.issuer.cert.subject : spec.subject,
    notBefore: spec.notBefore ?? T0,
    notAfter: spec.notAfter ?? T1,
    publicKey: spec.keys.publicKey,
    signingKey: signer.privateKey,
    signingAlgorithm: signingAlgorithm(signer.privateKey),
    extensions: ext,
  });
}

/** Shorthand: a CA (self-signed root when no issuer) with keyCertSign and cRLSign. */
export async function makeCa(subject: string, issuer?: Issuer, extra: Partial<CertSpec> = {}): Promise<Issuer> {
  const keys = await newKey();
  const cert = await makeCert({
    subject,
    keys,
    ca: true,
    keyUsage: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    ...(issuer ? { issuer } : {}),
    ...extra,
  });
  return { cert, keys };
}

/** Change a certificate's ASN.1 and sign it again with `signer` (with `algorithm`, when the mutation changed the signature algorithm). */
export async function resign(
  cert: x509.X509Certificate,
  signer: CryptoKey,
  mutate: (asn: Certificate) => void,
  algorithm: Algorithm | EcdsaParams = signingAlgorithm(signer),
): Promise<x509.X509Certificate> {
  const asn = AsnConvert.parse(cert.rawData, Certificate);
  mutate(asn);
  // The parser keeps the original TBS bytes and the serializer prefers them: drop them.
  asn.tbsCertificateRaw = undefined;
  const tbs = AsnConvert.serialize(asn.tbsCertificate);
  let sig = new Uint8Array(await crypto.subtle.sign(algorithm, signer, tbs));
  if (signer.algorithm.name === 'ECDSA') {
    const fmt = new x509.AsnEcSignatureFormatter();
    const der = fmt.toAsnSignature({ name: 'ECDSA', hash: 'SHA-256', namedCurve: 'P-256' } as EcdsaParams, sig);
    if (der) sig = new Uint8Array(der);
  }
  asn.signatureValue = sig.buffer;
  return new x509.X509Certificate(AsnConvert.serialize(asn));
}
