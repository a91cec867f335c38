/**
 * Certificate signing requests (PKCS#10, RFC 2986), crank's model: the private key is made and
 * kept where the request is made; the CA only sees the request. Create a key and a request with
 * SANs in its extensionRequest, read and check a request, and sign it under a profile keeping or
 * replacing its SANs.
 */
import {
  Pkcs10CertificateRequest,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
} from '@peculiar/x509';
import type { KeyAlgorithm, KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto, bindX509Crypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { sanExtension } from './extensions.ts';
import { loadIssuer, type CaMaterial } from './issuer.ts';
import { addedSanNote, checkLeafParams, leafSans, signLeaf, type IssuedCertificate } from './issue.ts';
import { publicCryptoKey, spkiFamily, subjectKey } from './keys.ts';
import { issuedSubject } from './requested-subject.ts';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';
import { looksLikePem, pemDecodeAll, pemEncode } from './pem.ts';
import { encryptPkcs8Pem } from './pkcs8.ts';
import { DEFAULTS } from './presets.ts';
import type { LeafProfile } from './profiles.ts';
import { normalizeSans, type SanEntry, type SanKind } from './san.ts';
import { signingAlgorithm } from './sign.ts';
import { describePublicKey, publicKeyText } from './inspect/public-key.ts';

const OID_SAN = '2.5.29.17';
/** @peculiar/x509 GeneralName types we issue, to our kinds; the others are reported, not issued. */
const SAN_KIND_BY_TYPE: Partial<Record<string, SanKind>> = { dns: 'dns', ip: 'ip', email: 'email', url: 'uri' };

export interface CsrParams {
  commonName: string;
  /** Forgiving text or parsed entries; put in the request's extensionRequest. */
  sans?: string | readonly SanEntry[];
  subject?: Omit<SubjectFields, 'commonName'>;
  /** Default 'p256'. */
  algorithm?: KeyAlgorithmId;
  /** Request for this existing key (clear PKCS#8 PEM) instead of a new one. */
  keyPem?: string;
  /** When set, the returned key is encrypted PKCS#8 under it. */
  keyPassphrase?: string;
}

export interface CreatedCsr {
  csrPem: string;
  /** PKCS#8 PEM of the request's key (encrypted when a passphrase was given). */
  keyPem: string;
}

/** A new key (or the given one) and a signed PKCS#10 request for it. */
export async function createCsr(params: CsrParams, crypto: Crypto = defaultCrypto()): Promise<CreatedCsr> {
  const subject = checkSubject({ ...params.subject, commonName: params.commonName });
  const sans = normalizeSans(params.sans);
  const key = await subjectKey(params.algorithm ?? DEFAULTS.algorithm, params.keyPem, crypto);
  const publicKey = await publicCryptoKey(key.privateKey, key.algorithm, crypto);
  bindX509Crypto(crypto);
  const csr = await Pkcs10CertificateRequestGenerator.create(
    {
      name: subjectName(subject),
      keys: { privateKey: key.privateKey, publicKey },
      signingAlgorithm: signingAlgorithm(key.algorithm),
      extensions: sans.length ? [sanExtension(sans)] : [],
    },
    crypto,
  );
  const keyPem = params.keyPassphrase
    ? await encryptPkcs8Pem(key.pkcs8Pem, params.keyPassphrase, {}, crypto)
    : key.pkcs8Pem;
  return { csrPem: pemEncode('CERTIFICATE REQUEST', csr.rawData), keyPem };
}

/** What a request asks for, as plain data. */
export interface CsrInfo {
  /** The request, re-encoded as PEM. */
  pem: string;
  /** RFC 4514 subject text. */
  subject: string;
  subjectFields: SubjectFields;
  /** Requested SANs that certbench can issue, canonicalised. */
  sans: SanEntry[];
  /** Requested names of kinds certbench does not issue (e.g. "upn:…"), dropped on signing. */
  unsupportedSans: string[];
  keyFamily: KeyAlgorithm['family'];
  /** The requested key as the inspector names it: "ECDSA P-256", "RSA 2048", "Ed25519" (key-description.ts). */
  keyDescription: string;
  /** The requester's self-signature checks out (proof of possession). */
  signatureValid: boolean;
}

const SUBJECT_FIELD_BY_SHORT: Record<string, keyof SubjectFields> = {
  CN: 'commonName',
  O: 'organization',
  OU: 'organizationalUnit',
  C: 'country',
  ST: 'state',
  L: 'locality',
};

function csrDer(input: string | ArrayBuffer | Uint8Array): ArrayBuffer {
  if (input instanceof ArrayBuffer) return input;
  if (input instanceof Uint8Array) return new Uint8Array(input).buffer;
  if (!looksLikePem(input))
    throw new PkiError(
      'invalid-csr',
      'csr',
      'This is not a certificate request: expected a PEM "CERTIFICATE REQUEST" block.',
    );
  const block = pemDecodeAll(input).blocks.find(
    (b) => b.label === 'CERTIFICATE REQUEST' || b.label === 'NEW CERTIFICATE REQUEST',
  );
  if (!block)
    throw new PkiError(
      'invalid-csr',
      'csr',
      'This is not a certificate request: no "CERTIFICATE REQUEST" block found.',
    );
  return block.der;
}

function parseCsr(input: string | ArrayBuffer | Uint8Array): Pkcs10CertificateRequest {
  const der = csrDer(input);
  try {
    return new Pkcs10CertificateRequest(der);
  } catch (e) {
    throw new PkiError('invalid-csr', 'csr', 'This is not a certificate request: its contents are not PKCS#10.', {
      cause: e,
    });
  }
}

/** Read a request (PEM or DER) and check its signature. Throws 'invalid-csr' on 'csr' for what is not a request. */
export async function readCsr(
  input: string | ArrayBuffer | Uint8Array,
  crypto: Crypto = defaultCrypto(),
): Promise<CsrInfo> {
  const csr = parseCsr(input);
  const subjectFields: SubjectFields = { commonName: '' };
  for (const [short, key] of Object.entries(SUBJECT_FIELD_BY_SHORT)) {
    const v = csr.subjectName.getField(short)[0];
    if (v !== undefined) subjectFields[key] = v;
  }
  const sans: SanEntry[] = [];
  const unsupportedSans: string[] = [];
  const ext = csr.getExtension(OID_SAN);
  if (ext) {
    for (const n of new SubjectAlternativeNameExtension(ext.rawData).names.items) {
      const kind = SAN_KIND_BY_TYPE[n.type];
      if (kind) sans.push(...normalizeSans([{ kind, value: n.value }]));
      else unsupportedSans.push(`${n.type}:${n.value}`);
    }
  }
  bindX509Crypto(crypto);
  const signatureValid = await csr.verify(crypto).catch(() => false);
  return {
    pem: pemEncode('CERTIFICATE REQUEST', csr.rawData),
    subject: csr.subject,
    subjectFields,
    sans,
    unsupportedSans,
    keyFamily: spkiFamily(csr.publicKey.rawData),
    keyDescription: publicKeyText(describePublicKey(new Uint8Array(csr.publicKey.rawData))),
    signatureValid,
  };
}

export interface SignCsrOptions {
  profile: LeafProfile;
  /** Replace the requested SANs with these; undefined keeps what the request asks for. */
  sans?: string | readonly SanEntry[];
  /** Replace the requested CN. */
  commonName?: string;
  /** Default 365. */
  days?: number;
  notBefore?: string;
  onOutlive?: 'clamp' | 'error';
}

/**
 * Sign a request with a CA under a profile. The request's signature must verify ('bad-signature'
 * on 'csr' otherwise); its subject is kept as requested, RDN order and string types included (only
 * the CN values change when a CN is given), its SANs kept or replaced, and the profile decides the
 * extensions, never the request.
 */
export async function signCsr(
  csr: string | ArrayBuffer | Uint8Array,
  issuer: CaMaterial,
  options: SignCsrOptions,
  crypto: Crypto = defaultCrypto(),
): Promise<IssuedCertificate> {
  const info = await readCsr(csr, crypto);
  if (!info.signatureValid) {
    throw new PkiError(
      'bad-signature',
      'csr',
      "The request's signature does not verify: it was damaged or altered after it was signed.",
    );
  }
  const commonName = options.commonName ?? info.subjectFields.commonName ?? '';
  const requested = options.sans ?? info.sans;
  checkLeafParams({ profile: options.profile, commonName, subject: info.subjectFields, sans: requested });
  const sans = leafSans(options.profile, commonName, requested);
  const loaded = await loadIssuer(issuer, crypto);
  const parsed = parseCsr(info.pem);
  const issued = await signLeaf(
    {
      profile: options.profile,
      subject: issuedSubject(parsed.subjectName.toArrayBuffer(), options.commonName),
      sans,
      spki: parsed.publicKey.rawData,
      days: options.days ?? DEFAULTS.leafDays,
      notBefore: options.notBefore,
      onOutlive: options.onOutlive,
    },
    loaded,
    crypto,
  );
  const added = addedSanNote(normalizeSans(requested), sans);
  if (added) issued.notes.push(added);
  if (info.unsupportedSans.length) {
    issued.notes.push(`Dropped requested names certbench does not issue: ${info.unsupportedSans.join(', ')}.`);
  }
  return issued;
}
