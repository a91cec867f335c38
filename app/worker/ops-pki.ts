/**
 * Worker operations of the issuing views (Cluster, Authorities, Issue, Sign CSR): the core's
 * functions composed into the plain shapes of pki-contract.ts.
 */
import { KEY_ALGORITHMS, type KeyAlgorithmId } from '../pki/algorithms.ts';
import { PkiError } from '../pki/errors.ts';
import { supportedKeyAlgorithms } from '../pki/keys.ts';
import { buildBundle } from '../layouts/build-bundle.ts';
import { isLayoutId } from '../layouts/index.ts';
import { zipBundle } from '../layouts/zip.ts';
import type {
  BundleZipArgs, ClusterArgs, ClusterResult, CreateCaArgs, CsrSummary, ImportCaArgs, ImportedCa, Issued, IssueArgs, SignCsrArgs,
} from './pki-contract.ts';
import type { OpContext } from './protocol.ts';

/** Key types this browser can make, with their labels, in the order the UI offers them. */
async function keyAlgorithms(): Promise<{ id: KeyAlgorithmId; label: string }[]> {
  const ids = await supportedKeyAlgorithms();
  return KEY_ALGORITHMS.filter((a) => ids.includes(a.id)).map((a) => ({ id: a.id, label: a.label }));
}

function notYet(what: string): Promise<never> {
  return Promise.reject(new PkiError('internal', '', `${what} is not built yet.`));
}

function createCa(_args: CreateCaArgs): Promise<Issued> {
  return notYet('Creating a CA');
}

function issueCertificate(_args: IssueArgs): Promise<Issued> {
  return notYet('Issuing');
}

function readCsr(_args: { csrPem: string }): Promise<CsrSummary> {
  return notYet('Reading a CSR');
}

function signCsr(_args: SignCsrArgs): Promise<Issued> {
  return notYet('Signing a CSR');
}

function importCa(_args: ImportCaArgs): Promise<ImportedCa> {
  return notYet('Importing a CA');
}

function setUpCluster(_args: ClusterArgs, _ctx: OpContext): Promise<ClusterResult> {
  return notYet('Cluster setup');
}

/** The bundle as a zip, laid out for `layout`. */
async function bundleZip(args: BundleZipArgs): Promise<{ zip: Uint8Array; warnings: string[]; containsPlaintextKeys: boolean }> {
  if (!isLayoutId(args.layout)) throw new PkiError('invalid-argument', 'layout', `Unknown layout "${args.layout}".`);
  const built = await buildBundle({ bundle: { cluster: args.cluster, ca: args.ca, nodes: args.nodes, clients: args.clients }, layout: args.layout });
  return { zip: zipBundle(built.files), warnings: built.warnings, containsPlaintextKeys: built.containsPlaintextKeys };
}

export const PKI_OPS = { keyAlgorithms, createCa, issueCertificate, readCsr, signCsr, importCa, setUpCluster, bundleZip };
