/**
 * Which members of a cluster renewal the batch fast path can renew (batch.ts), and in which
 * batches. The fast path writes a leaf's TBSCertificate from a template proven, byte for byte,
 * against the general path's signLeaf (leaf-template-proof.ts); renewal (renew.ts) is signLeaf
 * with the old certificate's subject copied as it is, its SANs in their order, its profile, and
 * a new key, serial and validity. So a member is renewed in a batch when that copy is what the
 * template writes anyway:
 * - its subject is a single CN, encoded as certbench writes one (what every certbench leaf has),
 *   so the template's subject for that CN is the old subject byte for byte;
 * - it gets a new key (a kept key is the caller's, not the batch's to make);
 * - the renewal does not set its own start (a batch has one window, drawn as signLeaf draws it).
 * The batch's lines carry the old SANs as they are, so the batch adds or reorders nothing.
 * Members that share profile, key type and length are one batch; any other member is renewed
 * one by one, as before (renew.ts renewLeaf).
 */
import { childrenOf, isUniversal, oidOf, readWhole, TAG } from './asn1/tlv.ts';
import type { KeyAlgorithmId } from './algorithms.ts';
import type { BatchLine } from './batch-lines.ts';
import type { LeafFacts } from './leaf-facts.ts';
import { subjectNameDer } from './name-der.ts';
import type { LeafProfile } from './profiles.ts';

const OID_CN = '2.5.4.3';
/** Universal tag numbers of the two string types certbench writes a CN in (X.680). */
const PRINTABLE_STRING = 19;
const UTF8_STRING = 12;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The CN of `subjectDer` when the subject is one CN written as certbench writes it
 * (name-der.ts: PrintableString when it can be, else UTF8String), so that writing that CN again
 * gives these very bytes; undefined for any other subject.
 */
export function plainCommonName(subjectDer: Uint8Array): string | undefined {
  try {
    const name = readWhole(subjectDer);
    const [rdn, more] = childrenOf(subjectDer, name);
    if (!rdn || more || !isUniversal(rdn, TAG.SET)) return undefined;
    const [attribute, other] = childrenOf(subjectDer, rdn);
    if (!attribute || other) return undefined;
    const [type, value] = childrenOf(subjectDer, attribute);
    if (!type || !value || !isUniversal(type, TAG.OID) || oidOf(subjectDer, type) !== OID_CN) return undefined;
    if (!isUniversal(value, PRINTABLE_STRING) && !isUniversal(value, UTF8_STRING)) return undefined;
    const cn = utf8.decode(subjectDer.subarray(value.contentStart, value.contentEnd));
    return sameBytes(subjectNameDer({ commonName: cn }), subjectDer) ? cn : undefined;
  } catch {
    return undefined;
  }
}

/** One batch of a renewal: members sharing profile, key type and length, as the batch's lines. */
export interface RenewalBatch {
  profile: LeafProfile;
  algorithm: KeyAlgorithmId;
  days: number;
  /** Each line's member, by its index in the renewal's requests. */
  members: number[];
  lines: BatchLine[];
}

/** A member as renewal reads it: its old certificate's facts, its length, and whether it keeps its key. */
export interface RenewalMember {
  facts: LeafFacts;
  days: number;
  keepsKey: boolean;
}

/**
 * The renewal's batches and the members renewed one by one (indices, in order). With `ownStart`
 * (the renewal sets notBefore itself) every member is renewed one by one.
 */
export function renewalBatches(
  members: readonly RenewalMember[],
  ownStart: boolean,
): { batches: RenewalBatch[]; oneByOne: number[] } {
  const batches = new Map<string, RenewalBatch>();
  const oneByOne: number[] = [];
  members.forEach((m, index) => {
    const commonName = ownStart || m.keepsKey ? undefined : plainCommonName(m.facts.subjectDer);
    if (commonName === undefined) return void oneByOne.push(index);
    const { profile, algorithm } = m.facts;
    const key = `${profile}/${algorithm}/${m.days}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { profile, algorithm, days: m.days, members: [], lines: [] }));
    batch.members.push(index);
    batch.lines.push({ line: index + 1, name: commonName, sans: [...m.facts.sans] });
  });
  return { batches: [...batches.values()], oneByOne };
}

/** Whether two byte strings are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
