/**
 * CA rotation: a new root beside the old one, never in its place. Peers trust both during the
 * transition (the trust bundle), leaves are re-issued under the new CA (renew.ts), then the old
 * CA is dropped. The new CA gets a name of its own ("… G2"), so no client has to tell two CAs of
 * one name apart by key identifier alone. Optionally the old CA cross-signs the new one: a
 * certificate for the new CA's name and key, issued by the old CA, that lets peers which still
 * trust only the old CA accept leaves of the new one when it is sent along as an intermediate.
 */
import type { KeyAlgorithmId } from './algorithms.ts';
import { createIntermediateCa, createRootCa, type CaResult } from './ca.ts';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { nameAttributes } from './inspect/name-text.ts';
import { loadIssuer, type CaMaterial } from './issuer.ts';
import type { SubjectFields } from './names.ts';
import { pemEncode } from './pem.ts';
import { checkDays, MAX_DAYS } from './validity.ts';

const DAY_MS = 86_400_000;

/** X.520 attribute types certbench writes into subjects (names.ts), by OID. */
const SUBJECT_FIELD_BY_OID: Partial<Record<string, keyof SubjectFields>> = {
  '2.5.4.3': 'commonName',
  '2.5.4.10': 'organization',
  '2.5.4.11': 'organizationalUnit',
  '2.5.4.6': 'country',
  '2.5.4.8': 'state',
  '2.5.4.7': 'locality',
};

export interface RotateOptions {
  /** Common name of the new CA; default the old one's with the next generation ("… G2"). Other subject fields are the old CA's. */
  commonName?: string;
  /** Default: the old CA's key algorithm. */
  algorithm?: KeyAlgorithmId;
  /** Default: the old CA's lifetime in whole days. */
  days?: number;
  /** Also have the old CA cross-sign the new one. */
  crossSign?: boolean;
  /** ISO start; default now minus a few minutes. */
  notBefore?: string;
}

export interface RotatedCa {
  /** The new root CA (certificate and key). */
  ca: CaResult;
  /** Old CA then new CA, PEM: what every peer trusts during the transition. */
  trustBundlePem: string;
  /** The new CA's name and key certified by the old CA, when asked for. */
  crossSigned?: CaResult;
  notes: string[];
}

/** "certbench CA" → "certbench CA G2", "certbench CA G2" → "certbench CA G3". */
export function nextGenerationName(commonName: string): string {
  const m = /^(.*?)\s+G(\d+)$/.exec(commonName);
  return m ? `${m[1] ?? ''} G${Number(m[2]) + 1}` : `${commonName} G2`;
}

/** The fields certbench knows of a subject's DER; other attribute types are not carried over (noted). */
function subjectFieldsOf(subjectDer: Uint8Array, notes: string[]): SubjectFields {
  const fields: SubjectFields = { commonName: '' };
  for (const atv of nameAttributes(subjectDer).flat()) {
    const key = SUBJECT_FIELD_BY_OID[atv.oid];
    if (key && atv.text !== undefined) fields[key] = atv.text;
    else notes.push(`The old CA's subject attribute ${atv.oid} is not carried over to the new CA.`);
  }
  return fields;
}

/** Make the new CA for `old` (a root CA folder's material), its transition trust bundle and, optionally, the cross certificate. */
export async function rotateCa(
  old: CaMaterial,
  options: RotateOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<RotatedCa> {
  const loaded = await loadIssuer(old, crypto);
  if (loaded.cert.subject !== loaded.cert.issuer) {
    throw new PkiError(
      'invalid-argument',
      'ca',
      `"${loaded.cert.subject}" is an intermediate CA: its root stays the trust anchor, so issue a new intermediate beside it instead of rotating.`,
    );
  }
  const notes: string[] = [];
  const oldFields = subjectFieldsOf(new Uint8Array(loaded.cert.subjectName.toArrayBuffer()), notes);
  const subject = {
    ...oldFields,
    commonName: options.commonName ?? nextGenerationName(oldFields.commonName || 'certbench CA'),
  };
  const lifetime = Math.round((loaded.notAfter.getTime() - loaded.notBefore.getTime()) / DAY_MS);
  const days = checkDays(options.days ?? Math.min(MAX_DAYS, Math.max(1, lifetime)));
  const params = {
    subject,
    algorithm: options.algorithm ?? loaded.algorithm,
    days,
    pathLength: loaded.pathLength,
    notBefore: options.notBefore,
  };
  const ca = await createRootCa(params, crypto);
  notes.push(...ca.notes);
  let crossSigned: CaResult | undefined;
  if (options.crossSign) {
    // Same name and key as the new root, so a path can run leaf → cross certificate → old root.
    // Its path length is left to createIntermediateCa (0, below the old root's): through the
    // old CA, the new one is trusted to sign leaves, which is what a transition needs.
    crossSigned = await createIntermediateCa({ ...params, pathLength: undefined, keyPem: ca.keyPem }, old, crypto);
    notes.push(...crossSigned.notes.map((n) => `Cross-signed certificate: ${n}`));
  }
  const trustBundlePem = pemEncode('CERTIFICATE', loaded.cert.rawData) + ca.certPem;
  return { ca, trustBundlePem, ...(crossSigned ? { crossSigned } : {}), notes };
}
