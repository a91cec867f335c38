/**
 * Leaf certificates (node, server, client) signed by a CA, as plain data. `issueLeaf` makes a
 * fresh key; `signLeaf` certifies a public key we were given (CSR signing, batches), so both
 * paths put exactly the same extensions in.
 */
import { Name } from '@peculiar/x509';
import type { KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { keyIdentifier, leafExtensions } from './extensions.ts';
import { loadIssuer, type CaMaterial, type LoadedIssuer } from './issuer.ts';
import { spkiFamily, subjectKey } from './keys.ts';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';
import { encryptPkcs8Pem } from './pkcs8.ts';
import { DEFAULTS } from './presets.ts';
import { profileSpec, type LeafProfile } from './profiles.ts';
import { normalizeSans, withCommonNameSan, type SanEntry } from './san.ts';
import { randomSerial } from './serial.ts';
import { signCertificate } from './sign.ts';
import { validityWindow } from './validity.ts';

export interface LeafParams {
  profile: LeafProfile;
  commonName: string;
  /** The forgiving text form ("node1 10.0.0.1, DNS:n1.example") or parsed entries. */
  sans?: string | readonly SanEntry[];
  /** Other subject fields (O, OU, C, ST, L). */
  subject?: Omit<SubjectFields, 'commonName'>;
  /** Default 'p256'. */
  algorithm?: KeyAlgorithmId;
  /** Default 365 (DEFAULTS.leafDays). */
  days?: number;
  /** ISO start; default now minus a few minutes. */
  notBefore?: string;
  /** A leaf that would outlive its CA: clamp with a note (default) or refuse ('outlives-issuer' on 'days'). */
  onOutlive?: 'clamp' | 'error';
  /** When set, keyPem is an encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY") under this passphrase. */
  keyPassphrase?: string;
  /** Certify this existing key (clear PKCS#8 PEM) instead of making one: renewal with the same key. */
  keyPem?: string;
  /** Fixed serial (hex), for byte-for-byte tests only. */
  serialHex?: string;
}

export interface IssuedCertificate {
  certPem: string;
  /** The leaf, then the CA's intermediates (never the root): what a TLS server or client presents. */
  chainPem: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  /** The SANs that went into the certificate (CN added for node/server). */
  sans: SanEntry[];
  /** What was adjusted, for the user (validity clamped, ...). */
  notes: string[];
}

export interface IssuedLeaf extends IssuedCertificate {
  /** PKCS#8 PEM, encrypted when a passphrase was given. */
  keyPem: string;
}

/** What signLeaf needs besides the issuer: checked inputs and the public key to certify. */
export interface LeafRequest {
  profile: LeafProfile;
  /** Fields to build the subject from, or a Name copied byte for byte (renewal keeps the subject as it was). */
  subject: SubjectFields | Name;
  sans: readonly SanEntry[];
  spki: ArrayBuffer;
  days: number;
  notBefore?: string;
  onOutlive?: 'clamp' | 'error';
  serialHex?: string;
}

/**
 * The SANs a leaf gets under its profile: the CN's for node and server when it is a host or IP,
 * and an error on 'sans' when a node or server certificate would name no host at all.
 */
export function leafSans(
  profile: LeafProfile,
  commonName: string,
  sans: string | readonly SanEntry[] | undefined,
): SanEntry[] {
  return profileSans(profile, commonName, normalizeSans(sans));
}

/**
 * leafSans for entries already canonical (what checkSans and parseSans return): the profile's
 * rules without checking every entry a second time (a batch checks each line's SANs once).
 */
export function profileSans(profile: LeafProfile, commonName: string, canonical: readonly SanEntry[]): SanEntry[] {
  const spec = profileSpec(profile);
  const all = spec.commonNameInSans ? withCommonNameSan(commonName, canonical) : [...canonical];
  if (spec.needsHostSan && !all.some((s) => s.kind === 'dns' || s.kind === 'ip')) {
    throw new PkiError(
      'invalid-san',
      'sans',
      `A ${profile} certificate needs at least one DNS name or IP address its peers dial (the CN "${commonName.trim()}" is not a host name).`,
    );
  }
  return all;
}

/** Certify `req.spki` under `issuer` (already loaded). The general path; see leaf-template.ts for the fast twin. */
export async function signLeaf(
  req: LeafRequest,
  issuer: LoadedIssuer,
  crypto: Crypto = defaultCrypto(),
): Promise<IssuedCertificate> {
  const spec = profileSpec(req.profile);
  const subject = req.subject instanceof Name ? req.subject : subjectName(req.subject);
  const window = validityWindow({ days: req.days, notBefore: req.notBefore, issuer, onOutlive: req.onOutlive });
  const serial = req.serialHex ?? randomSerial(crypto);
  const { pem } = await signCertificate(
    {
      serialHex: serial,
      subject,
      issuer: new Name(issuer.subjectDer),
      ...window,
      spki: req.spki,
      extensions: leafExtensions({
        profile: spec,
        family: spkiFamily(req.spki),
        sans: req.sans,
        subjectKeyId: await keyIdentifier(req.spki, crypto),
        authorityKeyId: issuer.keyId,
      }),
      signingKey: issuer.privateKey,
      signingAlgorithm: issuer.algorithm,
    },
    crypto,
  );
  return {
    certPem: pem,
    chainPem: pem + issuer.intermediatesPem,
    serial,
    notBefore: window.notBefore.toISOString(),
    notAfter: window.notAfter.toISOString(),
    sans: [...req.sans],
    notes: window.notes,
  };
}

/**
 * What a node or server profile added to the requested SANs (the CN's host name or IP), as one
 * sentence for the result's notes; undefined when nothing was added. Issue, Sign CSR and the CLI
 * all say it, so the SAN never appears unannounced (issue 12).
 */
export function addedSanNote(requested: readonly SanEntry[], sans: readonly SanEntry[]): string | undefined {
  const added = sans.filter((s) => !requested.some((r) => r.kind === s.kind && r.value === s.value));
  if (added.length === 0) return undefined;
  const names = added.map((s) => `${s.kind === 'ip' ? 'IP' : 'DNS'}:${s.value}`).join(', ');
  return `Added ${names} (the common name) to the subject alternative names: TLS clients match the SANs, not the CN.`;
}

/** Validate the parts of LeafParams that do not need the issuer, in the order a form shows them. */
export function checkLeafParams(params: LeafParams): { subject: SubjectFields; sans: SanEntry[] } {
  profileSpec(params.profile);
  if (typeof params.commonName !== 'string' || !params.commonName.trim()) {
    throw new PkiError('invalid-name', 'commonName', 'A common name (CN) is required.');
  }
  const subject = checkSubject({ ...params.subject, commonName: params.commonName });
  return { subject, sans: leafSans(params.profile, params.commonName, params.sans) };
}

/**
 * A fresh key (or `params.keyPem`) and a leaf certificate for it, signed by `issuer`: plain
 * CaMaterial, or a LoadedIssuer when issuing many in a row (loads and checks the CA once).
 */
export async function issueLeaf(
  params: LeafParams,
  issuer: CaMaterial | LoadedIssuer,
  crypto: Crypto = defaultCrypto(),
): Promise<IssuedLeaf> {
  const { subject, sans } = checkLeafParams(params);
  const days = params.days ?? DEFAULTS.leafDays;
  const loaded = 'privateKey' in issuer ? issuer : await loadIssuer(issuer, crypto);
  // Fail on the window before paying for a key (RSA 4096 takes seconds).
  validityWindow({ days, notBefore: params.notBefore, issuer: loaded, onOutlive: params.onOutlive });
  const key = await subjectKey(params.algorithm ?? DEFAULTS.algorithm, params.keyPem, crypto);
  const spki = key.spki;
  const issued = await signLeaf(
    {
      profile: params.profile,
      subject,
      sans,
      spki,
      days,
      notBefore: params.notBefore,
      onOutlive: params.onOutlive,
      serialHex: params.serialHex,
    },
    loaded,
    crypto,
  );
  const keyPem = params.keyPassphrase
    ? await encryptPkcs8Pem(key.pkcs8Pem, params.keyPassphrase, {}, crypto)
    : key.pkcs8Pem;
  const added = addedSanNote(normalizeSans(params.sans), sans);
  if (added) issued.notes.push(added);
  return { ...issued, keyPem };
}
