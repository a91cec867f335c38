/**
 * Workspace facts (ItemMeta) for the leaves of one issueBatch call, from what the batch holds
 * instead of reading its certificates back. Leaves of one batch share issuer, profile, key type
 * and validity window (batch.ts makes one window for all, in whole seconds), and differ in subject
 * (CN = the name: letters, digits, '.', '_' and '-' per parseBatch and the Cluster flow's client
 * names, which RFC 4514 never escapes), serial and SANs, which the batch itself wrote. So their
 * facts are one model (cluster-wire.ts) made of:
 *  - the issuer's name as the CA's own facts read it (the leaves carry the CA's subject Name as
 *    their issuer, byte for byte);
 *  - the batch's window text and each leaf's serial text (BatchItem: the issuer's own record);
 *  - the key label certificateMeta gives the key types it names itself (ECDSA on WebCrypto's
 *    curves, RSA, Ed25519); any other key (ML-DSA) has each certificate read in full.
 * Reading even two leaves back (a full read of the first and the last, as before) cost 0.3-0.5 ms
 * a cluster in a fresh worker. batch-meta.test.ts holds the derived facts to a full read of every
 * certificate over key types, profiles, issuer names and a window clamped to the CA.
 */
import { KEY_ALGORITHMS, type KeyAlgorithmId } from '../pki/light/index.ts';
import type { ItemMeta, ItemProfile } from '../store/types.ts';
import { certificateMeta } from './issuing-meta.ts';
import type { ClusterLeaf } from '../flows/cluster.ts';
import type { LeafColumns } from './cluster-wire.ts';

/** The batch's issuer and key type: what every leaf's facts share besides the window. */
export interface BatchFactsSource {
  /** The issuer's subject as certificateMeta reads it from the issuer's certificate. */
  issuer: string;
  algorithm: KeyAlgorithmId;
}

/** Key families whose label certificateMeta writes as the algorithm's own (lightKeyLabel in issuing-meta.ts). */
const LABELLED_FAMILIES = new Set(['ec', 'rsa', 'ed25519']);

/** The facts of one batch's leaves as the wire sends them: one model, or each certificate read in full. */
export function batchLeafFacts(
  leaves: readonly ClusterLeaf[],
  profile: ItemProfile,
  source: BatchFactsSource,
): LeafColumns['facts'] {
  const key = KEY_ALGORITHMS.find((a) => a.id === source.algorithm);
  const first = leaves[0];
  if (!first || !key || !LABELLED_FAMILIES.has(key.family))
    return { each: leaves.map((l) => certificateMeta(l.certPem, { profile }, l.sans)) };
  // certificateMeta's key order; subject, serial and SANs are each leaf's own (decodeLeafColumns).
  const model: ItemMeta = {
    subject: `CN=${first.name}`,
    issuer: source.issuer,
    serial: first.serial,
    notBefore: first.notBefore,
    notAfter: first.notAfter,
    keyAlgorithm: key.label,
    profile,
  };
  return { model };
}
