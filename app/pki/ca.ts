/**
 * Certificate authorities: a self-signed root and intermediates issued by a CA, as plain data
 * (PEM strings and ISO dates) so the worker, the store and the CLI use them unchanged.
 */
import { Name } from '@peculiar/x509';
import { generalCaCertificate, type CaSigner, type MadeCa } from './ca-general.ts';
import { rootWithFreshKey, isFastRootAlgorithm } from './ca-template.ts';
import type { CaParams, CaResult } from './ca-types.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { loadIssuer, madeIssuer, type CaMaterial, type LoadedIssuer } from './issuer.ts';
import { subjectKey } from './keys.ts';
import { checkSubject, subjectName } from './names.ts';
import { DEFAULTS } from './presets.ts';
import { randomSerial } from './serial.ts';
import { validityWindow, type ValidityWindow } from './validity.ts';

export type { CaMaterial } from './issuer.ts';
export type { CaParams, CaResult } from './ca-types.ts';

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
 * The CA certificate on the general path, once subject, window and signer are settled: the key
 * (fresh or given), a serial, the generator.
 */
async function makeCa(
  params: CaParams,
  subject: Name,
  window: ValidityWindow,
  pathLength: number | undefined,
  signer: CaSigner,
  crypto: Crypto,
): Promise<MadeCa> {
  const key = await subjectKey(params.algorithm ?? DEFAULTS.algorithm, params.keyPem, crypto);
  return generalCaCertificate({ key, serialHex: randomSerial(crypto), subject, window, pathLength, signer }, crypto);
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
  const checked = checkSubject(params.subject);
  const pathLength = checkPathLength(params.pathLength);
  const window = validityWindow({ days: params.days ?? DEFAULTS.rootDays, notBefore: params.notBefore });
  const algorithm = params.algorithm ?? DEFAULTS.algorithm;
  // A fresh key of a classical algorithm: the proven fast path (ca-template.ts).
  // An existing key or ML-DSA: the generator.
  const made =
    params.keyPem === undefined && isFastRootAlgorithm(algorithm)
      ? await rootWithFreshKey(checked, { algorithm, pathLength }, window, crypto)
      : await makeCa(params, subjectName(checked), window, pathLength, {}, crypto);
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
