/**
 * Certificate authorities: a self-signed root and intermediates issued by a CA, as plain data
 * (PEM strings and ISO dates) so the worker, the store and the CLI use them unchanged.
 */
import { Name } from '@peculiar/x509';
import type { KeyAlgorithmId } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { keyIdentifier, caExtensions } from './extensions.ts';
import { loadIssuer, madeIssuer, type CaMaterial, type LoadedIssuer } from './issuer.ts';
import { spkiFamily, subjectKey } from './keys.ts';
import { subjectName, type SubjectFields } from './names.ts';
import { DEFAULTS } from './presets.ts';
import { randomSerial } from './serial.ts';
import { signCertificate } from './sign.ts';
import { validityWindow, type ValidityWindow } from './validity.ts';

export type { CaMaterial } from './issuer.ts';

export interface CaParams {
  subject: SubjectFields;
  /** Default 'p256'. */
  algorithm?: KeyAlgorithmId;
  /** Default 3650 for a root, 1825 for an intermediate (DEFAULTS). */
  days?: number;
  /** BasicConstraints pathLen. Root: none by default (no limit). Intermediate: 0 by default, and below the issuer's. */
  pathLength?: number;
  /** ISO start; default now minus a few minutes. */
  notBefore?: string;
  /** Certify this existing key (clear PKCS#8 PEM) instead of making one, e.g. to renew a CA with its key. */
  keyPem?: string;
  /** An intermediate that would outlive its issuer: clamp (default) or refuse. */
  onOutlive?: 'clamp' | 'error';
}

export interface CaResult extends CaMaterial {
  notBefore: string;
  notAfter: string;
  serial: string;
  /** What was adjusted (e.g. validity shortened to the issuer's). */
  notes: string[];
}

function checkPathLength(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 16) {
    throw new PkiError(
      'path-length',
      'pathLength',
      `Path length must be a whole number from 0 to 16, got ${JSON.stringify(v)}.`,
    );
  }
  return v;
}

/**
 * A CA certificate just made: the plain result (chainPem is left to the caller), and the facts it
 * was made from, which are its LoadedIssuer's but for the intermediates (madeIssuer).
 */
interface MadeCa {
  result: Omit<CaResult, 'chainPem'>;
  facts: Omit<LoadedIssuer, 'cert' | 'intermediatesPem'>;
  der: ArrayBuffer;
}

/** The CA certificate itself, once subject, window and signer are settled. */
async function makeCa(
  params: CaParams,
  subject: Name,
  window: ValidityWindow,
  pathLength: number | undefined,
  signer: {
    issuerName?: Name;
    authorityKeyId?: string;
    signingKey?: CryptoKey;
    signingAlgorithm?: LoadedIssuer['algorithm'];
  },
  crypto: Crypto,
): Promise<MadeCa> {
  const key = await subjectKey(params.algorithm ?? DEFAULTS.algorithm, params.keyPem, crypto);
  const serial = randomSerial(crypto);
  const subjectKeyId = await keyIdentifier(key.spki, crypto);
  const { pem, der } = await signCertificate(
    {
      serialHex: serial,
      subject,
      issuer: signer.issuerName ?? subject,
      ...window,
      spki: key.spki,
      extensions: caExtensions({
        subjectKeyId,
        authorityKeyId: signer.authorityKeyId,
        pathLength,
        family: spkiFamily(key.spki),
      }),
      // Self-signed when no issuer signs: the new key signs its own certificate.
      signingKey: signer.signingKey ?? key.privateKey,
      signingAlgorithm: signer.signingAlgorithm ?? key.algorithm,
    },
    crypto,
  );
  return {
    result: {
      certPem: pem,
      keyPem: key.pkcs8Pem,
      notBefore: window.notBefore.toISOString(),
      notAfter: window.notAfter.toISOString(),
      serial,
      notes: window.notes,
    },
    facts: {
      subjectDer: subject.toArrayBuffer(),
      privateKey: key.privateKey,
      algorithm: key.algorithm,
      keyId: subjectKeyId,
      ...(pathLength === undefined ? {} : { pathLength }),
      notBefore: window.notBefore,
      notAfter: window.notAfter,
    },
    der,
  };
}

/** A self-signed root CA: BasicConstraints CA:TRUE (critical), keyCertSign + cRLSign, SKI. chainPem is empty. */
export async function createRootCa(params: CaParams, crypto: Crypto = defaultCrypto()): Promise<CaResult> {
  return (await createRootIssuer(params, crypto)).ca;
}

/**
 * createRootCa, with the new root ready to sign: its LoadedIssuer comes from the key and facts it
 * was made from (madeIssuer), so a caller that issues under it at once (the Cluster flow) does
 * not read back, re-import and re-check what was made a moment ago.
 */
export async function createRootIssuer(
  params: CaParams,
  crypto: Crypto = defaultCrypto(),
): Promise<{ ca: CaResult; issuer: LoadedIssuer }> {
  const subject = subjectName(params.subject);
  const pathLength = checkPathLength(params.pathLength);
  const window = validityWindow({ days: params.days ?? DEFAULTS.rootDays, notBefore: params.notBefore });
  const made = await makeCa(params, subject, window, pathLength, {}, crypto);
  return {
    ca: { ...made.result, chainPem: '' },
    issuer: madeIssuer({ ...made.facts, intermediatesPem: '' }, made.der),
  };
}

/**
 * An intermediate CA signed by `issuer`. The issuer's path length is respected: an issuer with
 * pathLen 0 cannot sign a CA, and the new pathLen stays below the issuer's. chainPem is this
 * intermediate followed by the issuer's intermediates (never the root).
 */
export async function createIntermediateCa(
  params: CaParams,
  issuer: CaMaterial,
  crypto: Crypto = defaultCrypto(),
): Promise<CaResult> {
  const subject = subjectName(params.subject);
  const requested = checkPathLength(params.pathLength);
  const loaded = await loadIssuer(issuer, crypto);
  const limit = loaded.pathLength;
  if (limit === 0) {
    throw new PkiError(
      'path-length',
      'issuer',
      `"${loaded.cert.subject}" has path length 0: it may sign leaf certificates only, not another CA.`,
    );
  }
  const pathLength =
    requested ??
    (limit === undefined ? DEFAULTS.intermediatePathLength : Math.min(DEFAULTS.intermediatePathLength, limit - 1));
  if (limit !== undefined && pathLength > limit - 1) {
    throw new PkiError(
      'path-length',
      'pathLength',
      `Path length ${pathLength} is too long: the issuer's path length ${limit} allows at most ${limit - 1} below it.`,
    );
  }
  const window = validityWindow({
    days: params.days ?? DEFAULTS.intermediateDays,
    notBefore: params.notBefore,
    issuer: loaded,
    onOutlive: params.onOutlive,
  });
  const { result: made } = await makeCa(
    params,
    subject,
    window,
    pathLength,
    {
      issuerName: new Name(loaded.subjectDer),
      authorityKeyId: loaded.keyId,
      signingKey: loaded.privateKey,
      signingAlgorithm: loaded.algorithm,
    },
    crypto,
  );
  return { ...made, chainPem: made.certPem + loaded.intermediatesPem };
}
