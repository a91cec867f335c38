/**
 * Worker operations for reading and judging (the Inspect view's heavy work). Each takes and
 * returns plain, structured-cloneable data: bytes and strings in, trees, summaries and findings
 * out. The core does the work (app/pki/read, inspect, relations, diagnose, lint); this module
 * only composes it into one report per request.
 */
import type { Finding } from '../pki/findings.ts';
import { PkiError } from '../pki/errors.ts';

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
}

/** A view-model tree node, as the core's explainer returns it. */
export interface ReportNode {
  label: string;
  value?: string | number | boolean | null;
  note?: string;
  children?: ReportNode[];
}

export type InspectedKind = 'certificate' | 'csr' | 'private-key' | 'public-key' | 'crl' | 'error';

export interface InspectedItem {
  /** Stable within one report: the input index and the item's index inside it ("0.2"). */
  id: string;
  /** Which input it came from (file name or "pasted text"). */
  source: string;
  kind: InspectedKind;
  /** A short heading: the subject, or what the item is. */
  title: string;
  /** The explanation tree (for errors, a single node with the message). */
  tree: ReportNode;
  /** The same item as `certbench inspect --json` prints it. */
  summary: Record<string, unknown>;
  /** Lint findings (certificates) or reading problems. */
  findings: Finding[];
  /** PEM of the item, for saving to the workspace (absent for errors and CRLs). */
  pem?: string;
  /** True for a certificate whose basic constraints say CA. */
  isCA?: boolean;
  /** For a certificate or CSR: the id of the private-key item in this report that belongs to it. */
  keyId?: string;
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
}

export interface InspectReport {
  items: InspectedItem[];
  /** Chains and key matches among the items, as trees. */
  relations: ReportNode[];
  /** Present when the items hold at least one leaf certificate. */
  diagnosis?: Diagnosis;
}

/** Read everything given, explain each item, relate them, lint and diagnose. */
function inspect(_request: InspectRequest): Promise<InspectReport> {
  return Promise.reject(new PkiError('internal', 'inputs', 'The reader is not built yet.'));
}

export const INSPECT_OPS = { inspect };
