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
import { leafFacts, type LeafFacts } from './leaf-facts.ts';
import { encryptPkcs8Pem } from './pkcs8.ts';
import type { LeafProfile } from './profiles.ts';
import { checkDays, MAX_DAYS } from './validity.ts';
import { BATCH_IN_FLIGHT, issueBatchLines, type BatchItem, type BatchOptions } from './batch.ts';
import { boundedMap } from './bounded-map.ts';
import type { LeafEngineFactory } from './leaf-engine.ts';
import type { LeafHelpers } from './leaf-helpers.ts';
import { createLeafTemplate } from './leaf-template.ts';
import { renewalBatches, sameBytes, type RenewalBatch, type RenewalMember } from './renew-batch.ts';

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

/** The length of a renewal: the one asked for, else the old certificate's; checked ('days'). */
function renewalDays(old: Pick<LeafFacts, 'notBefore' | 'notAfter'>, days: number | undefined): number {
  return checkDays(days ?? lifetimeDays(old.notBefore, old.notAfter));
}

/** Renew the leaf in `certPem` (its first certificate) under `issuer`. Errors name 'cert', 'keepKey' or 'days'. */
export async function renewLeaf(
  certPem: string,
  issuer: CaMaterial | LoadedIssuer,
  options: RenewOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<RenewedLeaf> {
  const old = leafFacts(certPem);
  const days = renewalDays(old, options.days);
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

/** How a cluster renewal is made besides its members, issuer and options. */
export interface RenewSteps {
  /** After each member renewed, with the count so far. */
  onProgress?: (done: number, total: number) => void;
  /** Other threads that make some of a batch's leaves (batch.ts BatchOptions.helpers). */
  helpers?: LeafHelpers;
  /** A faster engine than WebCrypto for the batches (batch.ts BatchOptions.engine: the CLI passes Node's). */
  engine?: LeafEngineFactory;
}

/**
 * Renew every member of a cluster under one CA (loaded and checked once); results in the
 * members' order. Every certificate and length is read before the first key is made, so a bad
 * one fails the renewal early; errors name the member ("node-3: …"). Members the batch fast path
 * renews as renewLeaf would (renew-batch.ts: a fresh key and a plain CN subject, as every
 * certbench leaf has) go in batches; the others (kept keys, other subjects) are renewed one by
 * one, first, so that a key that does not fit fails the renewal before the batches make theirs.
 * Members and batches each run BATCH_IN_FLIGHT at a time.
 */
export async function renewLeaves(
  requests: readonly RenewalRequest[],
  issuer: CaMaterial,
  options: Omit<RenewOptions, 'keepKeyPem'> = {},
  crypto: Crypto = defaultCrypto(),
  steps: RenewSteps = {},
): Promise<RenewedMember[]> {
  const members = requests.map((r) => namedErrorsNow(r.name, () => renewalMember(r, options)));
  const loaded = await loadIssuer(issuer, crypto);
  const out = new Array<RenewedMember>(requests.length);
  const { batches, oneByOne } = renewalBatches(members, options.notBefore !== undefined);
  // Progress counts what is finished, and stops once the renewal has failed.
  let done = 0;
  let failed = false;
  const finished = (count: number) => {
    done += count;
    if (!failed) steps.onProgress?.(done, requests.length);
  };
  const failing =
    <T>(step: (item: T) => Promise<void>) =>
    async (item: T) => {
      try {
        await step(item);
      } catch (e) {
        failed = true;
        throw e;
      }
    };
  const renewOne = async (index: number) => {
    const r = requests[index]!;
    const renewed = await namedErrors(r.name, () =>
      renewLeaf(r.certPem, loaded, { ...options, keepKeyPem: r.keepKeyPem }, crypto),
    );
    out[index] = { ...renewed, name: r.name };
    finished(1);
  };
  const renewBatch = async (batch: RenewalBatch) => {
    const names = membersNamed(batch.members.map((i) => requests[i]!.name));
    // A batch whose template does not prove itself would issue on the general path from the CN
    // and SANs, which may add the CN to the SANs: its members are renewed one by one instead.
    if (!(await namedErrors(names, () => provenTemplate(loaded, batch, crypto)))) {
      await boundedMap(batch.members, renewOne, { limit: BATCH_IN_FLIGHT });
      return;
    }
    let reported = 0;
    const result = await namedErrors(names, () =>
      issueBatchLines(batch.lines, loaded, batchOptions(batch, options, steps), crypto, (n) => {
        finished(n - reported);
        reported = n;
      }),
    );
    result.items.forEach((item, k) => {
      const index = batch.members[k]!;
      out[index] = renewedMember(item, members[index]!.facts, requests[index]!.name);
    });
  };
  await boundedMap(oneByOne, failing(renewOne), { limit: BATCH_IN_FLIGHT });
  await boundedMap(batches, failing(renewBatch), { limit: BATCH_IN_FLIGHT });
  return out;
}

/** The batch options of one renewal batch. */
function batchOptions(batch: RenewalBatch, options: Omit<RenewOptions, 'keepKeyPem'>, steps: RenewSteps): BatchOptions {
  return {
    profile: batch.profile,
    algorithm: batch.algorithm,
    days: batch.days,
    ...(options.onOutlive ? { onOutlive: options.onOutlive } : {}),
    ...(options.keyPassphrase !== undefined ? { keyPassphrase: options.keyPassphrase } : {}),
    ...(steps.helpers ? { helpers: steps.helpers } : {}),
    ...(steps.engine ? { engine: steps.engine } : {}),
  };
}

/** A batch's item as renewLeaf describes a renewed member. */
function renewedMember(item: BatchItem, facts: LeafFacts, name: string): RenewedMember {
  return {
    certPem: item.certPem,
    keyPem: item.keyPem,
    chainPem: item.chainPem,
    serial: item.serial,
    notBefore: item.notBefore,
    notAfter: item.notAfter,
    sans: item.sans,
    // The batch's notes are one array for all its items; each member gets its own, as renewLeaf gives.
    notes: [...item.notes],
    profile: facts.profile,
    subject: facts.subject,
    previousSerial: facts.serial,
    keptKey: false,
    name,
  };
}

/** Whether the batch fast path has a proven template for `batch` under `issuer` (batch.ts takes the same one). */
async function provenTemplate(issuer: LoadedIssuer, batch: RenewalBatch, crypto: Crypto): Promise<boolean> {
  try {
    await createLeafTemplate(issuer, batch.profile, batch.algorithm, crypto);
    return true;
  } catch (e) {
    if (e instanceof PkiError && e.code === 'internal') return false;
    throw e;
  }
}

/** A request as renewal reads it (its old certificate's facts, its length); errors on 'cert' or 'days'. */
function renewalMember(r: RenewalRequest, options: Pick<RenewOptions, 'days'>): RenewalMember {
  const facts = leafFacts(r.certPem);
  return { facts, days: renewalDays(facts, options.days), keepsKey: r.keepKeyPem !== undefined };
}

/** Run `fn`; a PkiError it throws gets the member's name in front of its message. */
async function namedErrors<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw named(name, e);
  }
}

/** namedErrors for a step that does not wait. */
function namedErrorsNow<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw named(name, e);
  }
}

/** The members of a batch as an error names them: up to three, then how many more. */
function membersNamed(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

function named(name: string, e: unknown): unknown {
  return e instanceof PkiError ? new PkiError(e.code, e.field, `${name}: ${e.message}`, { cause: e }) : e;
}
