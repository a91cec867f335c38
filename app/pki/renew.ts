/**
 * Renewal: a new certificate for the same subject, SANs and profile as an existing leaf, with a
 * new serial and a new validity, through the same signing path as any leaf (`signLeaf`). A new
 * key by default; the old one on request (it must belong to the old certificate). The issuer
 * may be the CA that signed the old leaf or its successor (re-issuing leaves under a rotated CA).
 */
import { Name } from '@peculiar/x509';
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { signLeaf, type IssuedLeaf } from './issue.ts';
import { loadIssuer, type CaMaterial, type LoadedIssuer } from './issuer.ts';
import { subjectKey } from './keys.ts';
import { leafFacts } from './leaf-facts.ts';
import { encryptPkcs8Pem } from './pkcs8.ts';
import type { LeafProfile } from './profiles.ts';
import { checkDays, MAX_DAYS } from './validity.ts';

const DAY_MS = 86_400_000;

export interface RenewOptions {
  /** Keep this key (clear PKCS#8 or traditional PEM) instead of making a new one. */
  keepKeyPem?: string;
  /** Validity of the new certificate; default the old one's length in whole days. */
  days?: number;
  /** ISO start; default now minus a few minutes. */
  notBefore?: string;
  onOutlive?: 'clamp' | 'error';
  /** Encrypt the key written out under this passphrase. */
  keyPassphrase?: string;
}

export interface RenewedLeaf extends IssuedLeaf {
  profile: LeafProfile;
  /** RFC 4514 text of the subject, unchanged from the old certificate. */
  subject: string;
  /** The old certificate's serial (lower-case hex), e.g. to revoke it as superseded. */
  previousSerial: string;
  keptKey: boolean;
}

/** The old certificate's lifetime in whole days (at least 1), the default length of its successor. */
function lifetimeDays(notBefore: Date, notAfter: Date): number {
  return Math.min(MAX_DAYS, Math.max(1, Math.round((notAfter.getTime() - notBefore.getTime()) / DAY_MS)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Renew the leaf in `certPem` (its first certificate) under `issuer`. Errors name 'cert', 'keepKey' or 'days'. */
export async function renewLeaf(
  certPem: string,
  issuer: CaMaterial | LoadedIssuer,
  options: RenewOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<RenewedLeaf> {
  const old = leafFacts(certPem);
  const days = checkDays(options.days ?? lifetimeDays(old.notBefore, old.notAfter));
  const loaded = 'privateKey' in issuer ? issuer : await loadIssuer(issuer, crypto);
  const key = await subjectKey(old.algorithm, options.keepKeyPem, crypto).catch((e: unknown) => {
    throw e instanceof PkiError && options.keepKeyPem !== undefined
      ? new PkiError(e.code, 'keepKey', e.message, { cause: e })
      : e;
  });
  if (options.keepKeyPem !== undefined && !sameBytes(new Uint8Array(key.spki), old.spki)) {
    throw new PkiError('key-mismatch', 'keepKey', `The key to keep does not belong to "${old.subject}".`);
  }
  const issued = await signLeaf(
    {
      profile: old.profile,
      subject: new Name(old.subjectDer.buffer),
      sans: old.sans,
      spki: key.spki,
      days,
      notBefore: options.notBefore,
      onOutlive: options.onOutlive,
    },
    loaded,
    crypto,
  );
  const keyPem = options.keyPassphrase
    ? await encryptPkcs8Pem(key.pkcs8Pem, options.keyPassphrase, {}, crypto)
    : key.pkcs8Pem;
  return {
    ...issued,
    keyPem,
    profile: old.profile,
    subject: old.subject,
    previousSerial: old.serial,
    keptKey: options.keepKeyPem !== undefined,
  };
}

/** One member of a cluster to renew: its name (folder, node id) and its current certificate. */
export interface RenewalRequest {
  name: string;
  certPem: string;
  /** The key to keep for this member; a new key when absent. */
  keepKeyPem?: string;
}

export interface RenewedMember extends RenewedLeaf {
  name: string;
}

/**
 * Renew every member of a cluster under one CA (loaded and checked once), in order. Every
 * certificate is read before the first key is made, so a bad one fails the batch early;
 * errors name the member ("node-3: …").
 */
export async function renewLeaves(
  requests: readonly RenewalRequest[],
  issuer: CaMaterial,
  options: Omit<RenewOptions, 'keepKeyPem'> = {},
  crypto: Crypto = defaultCrypto(),
  onProgress?: (done: number, total: number) => void,
): Promise<RenewedMember[]> {
  for (const r of requests) await namedErrors(r.name, () => Promise.resolve(leafFacts(r.certPem)));
  const loaded = await loadIssuer(issuer, crypto);
  const out: RenewedMember[] = [];
  for (const r of requests) {
    const renewed = await namedErrors(r.name, () =>
      renewLeaf(r.certPem, loaded, { ...options, keepKeyPem: r.keepKeyPem }, crypto),
    );
    out.push({ ...renewed, name: r.name });
    onProgress?.(out.length, requests.length);
  }
  return out;
}

/** Run `fn`; a PkiError it throws gets the member's name in front of its message. */
async function namedErrors<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof PkiError ? new PkiError(e.code, e.field, `${name}: ${e.message}`, { cause: e }) : e;
  }
}
