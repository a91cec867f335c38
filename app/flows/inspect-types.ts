/**
 * The inspect report's data, as it reaches the page, the worker's messages and `certbench inspect
 * --json`: what the user gave and asked (InspectInput, InspectRequest), each item as shown
 * (InspectedItem), each leaf's diagnosis (Diagnosis) and the report holding them (InspectReport).
 * Plain, structured-cloneable data; ./inspect-report.ts makes it.
 */
import type { ChainLink, ClientLine, Finding, MissingCertificate, Summary, TreeNode } from '../pki/index.ts';

/** One thing the user gave: a file's bytes or a pasted text. */
export interface InspectInput {
  /** File name, or "pasted text". */
  name: string;
  data: Uint8Array | string;
}

export type InspectRole = 'server' | 'client';

export interface InspectRequest {
  inputs: InspectInput[];
  /** For PKCS#12 files and encrypted keys. */
  password?: string;
  /** Diagnose the leaf for this host name or IP address. */
  host?: string;
  /** Diagnose the leaf for this TLS role (EKU serverAuth or clientAuth). */
  role?: InspectRole;
  /**
   * From this many certificates in the report on, certificates come without their tree, to be
   * made when one is opened (certificateTree in ./certificate-tree.ts): a CA bundle's 144 trees
   * are most of the report's bytes, and its table shows none of them until a row is opened.
   * Unset: every item has its tree (`certbench inspect` prints them all).
   */
  treesOnRequestFrom?: number;
}

/** A view-model tree node, as the core's explainer returns it (label, value, note, children). */
export type ReportNode = TreeNode;

export type InspectedKind = 'certificate' | 'csr' | 'private-key' | 'public-key' | 'crl' | 'error';

export interface InspectedItem {
  /** Stable within one report: the input index and the item's index inside it ("0.2"). */
  id: string;
  /** Which input it came from (file name or "pasted text"). */
  source: string;
  kind: InspectedKind;
  /** A short heading: the subject, or what the item is. */
  title: string;
  /**
   * The explanation tree (for errors, a single node with the message). Absent only for a
   * certificate when the request's treesOnRequestFrom applied: certificateTree makes it.
   */
  tree?: ReportNode;
  /** The same item as `certbench inspect --json` prints it. */
  summary: Summary;
  /** Lint findings (certificates) or reading problems. */
  findings: Finding[];
  /** PEM of the item, for saving to the workspace (absent for errors and CRLs). */
  pem?: string;
  /** True for a certificate whose basic constraints say CA. */
  isCA?: boolean;
  /** For a certificate or CSR: the id of the private-key item in this report that belongs to it. */
  keyId?: string;
  /** For a certificate: the issuers above it found in this report (intermediates, PEM), root excluded. */
  chainPem?: string;
  /** For errors: the sentence to show. */
  message?: string;
}

export interface Diagnosis {
  /** What was asked: the host and role the user typed. */
  host?: string;
  role?: InspectRole;
  /** Title of the leaf the diagnosis is about. */
  leaf: string;
  valid: boolean;
  /** SHA-256 fingerprints of the chain found, leaf first. */
  chain: string[];
  findings: Finding[];
  /** Each TLS client's verdict on this leaf, with reasons and fixes in words (issue 8). */
  clients: ClientLine[];
  /** The chain found (leaf first), each certificate with its checks against the one above (issue 12). */
  links: ChainLink[];
  /** The certificate the chain lacks (by subject and role), when a 'missing-intermediate' finding says one does. */
  missing?: MissingCertificate;
}

/** An item with its tree, as every item is unless the request asked for trees on request. */
export type ExplainedItem = InspectedItem & { tree: ReportNode };

export interface InspectReport<Item extends InspectedItem = InspectedItem> {
  /** The instant validity was judged at (ISO 8601): a tree made later on request uses the same. */
  at: string;
  items: Item[];
  /** Chains and key matches among the items, as trees. */
  relations: ReportNode[];
  /** One per leaf (end-entity) certificate among the items, at most MAX_DIAGNOSES. */
  diagnoses: Diagnosis[];
}
