/**
 * Worker operations for reading and judging (the Inspect view's heavy work). Each takes and
 * returns plain, structured-cloneable data: bytes and strings in, trees, summaries and findings
 * out. The core does the work (app/pki/read, inspect, relations, diagnose, lint); this module
 * only composes it into one report per request.
 */
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { defaultCrypto, useCrypto } from '../pki/crypto.ts';
import type { Finding } from '../pki/findings.ts';
import { explain } from '../pki/inspect/explain.ts';
import { summarize } from '../pki/inspect/summary.ts';
import { readInput } from '../pki/read/read-input.ts';
import { certFacts } from '../pki/validate/cert-facts.ts';
import { validatePath } from '../pki/validate/index.ts';
import type { Item } from '../pki/read/types.ts';

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
  /** One per leaf (end-entity) certificate among the items, at most MAX_DIAGNOSES. */
  diagnoses: Diagnosis[];
}

/** Leaves diagnosed per report: enough for a cluster's worth of node certificates dropped at once. */
export const MAX_DIAGNOSES = 20;

const KIND_LABEL: Record<InspectedKind, string> = {
  certificate: 'Certificate',
  csr: 'Certificate request',
  'private-key': 'Private key',
  'public-key': 'Public key',
  crl: 'Revocation list',
  error: 'Error',
};

const isFinding = (f: unknown): f is Finding =>
  typeof f === 'object' && f !== null && typeof (f as Finding).code === 'string' && typeof (f as Finding).message === 'string';

/** One reader item as the page shows it: the explainer's tree, the CLI's JSON summary, its findings. */
function inspected(item: Item, id: string, now: Date): { out: InspectedItem; cert?: X509Certificate } {
  const summary = summarize(item, { now });
  if (item.kind === 'error') {
    return {
      out: { id, source: item.source, kind: 'error', title: item.source, message: item.message, tree: { label: item.message }, summary, findings: [] },
    };
  }
  const subject = typeof summary.subject === 'string' && summary.subject ? summary.subject : undefined;
  const out: InspectedItem = {
    id,
    source: item.source,
    kind: item.kind,
    title: subject ?? `${KIND_LABEL[item.kind]} from ${item.source}`,
    pem: item.pem,
    tree: explain(item, { now }),
    summary,
    findings: Array.isArray(summary.findings) ? summary.findings.filter(isFinding) : [],
  };
  if (item.kind !== 'certificate') return { out };
  out.isCA = summary.isCA === true;
  try {
    return { out, cert: new X509Certificate(item.der) };
  } catch {
    // The explainer still shows it; only path validation needs the parsed form.
    return { out };
  }
}

/** Point each certificate at the private key in the same report whose public key it carries (SPKI equal). */
function linkKeys(certs: { out: InspectedItem; cert: X509Certificate }[], keys: { id: string; spki: string }[]): void {
  if (keys.length === 0) return;
  for (const c of certs) {
    const spki = Convert.ToHex(certFacts(c.cert).spki);
    const key = keys.find((k) => k.spki === spki);
    if (key) c.out.keyId = key.id;
  }
}

/**
 * Judge each leaf against the other certificates given: self-issued CAs are the trust anchors
 * (this is a private PKI: the user's own roots, never the browser's), the rest may complete the
 * path. A leaf with no anchor among the inputs gets "untrusted root" or "missing intermediate".
 */
async function diagnose(certs: { out: InspectedItem; cert: X509Certificate }[], request: InspectRequest, crypto: Crypto): Promise<Diagnosis[]> {
  const isCa = (c: X509Certificate) => certFacts(c).basicConstraints?.ca === true;
  const leaves = certs.filter((c) => !isCa(c.cert)).slice(0, MAX_DIAGNOSES);
  const cas = certs.filter((c) => isCa(c.cert)).map((c) => c.cert);
  const anchors = cas.filter((c) => certFacts(c).selfIssued);
  const intermediates = cas.filter((c) => !certFacts(c).selfIssued);
  const asked = { ...(request.host ? { host: request.host } : {}), ...(request.role ? { role: request.role } : {}) };
  const out: Diagnosis[] = [];
  for (const leaf of leaves) {
    try {
      const r = await validatePath({ leaf: leaf.cert, anchors, intermediates, ...(request.role ? { purpose: request.role } : {}), ...(request.host ? { host: request.host } : {}) }, crypto);
      const chain = await Promise.all(r.chain.map(async (c) => Convert.ToHex(await c.getThumbprint('SHA-256', crypto))));
      out.push({ ...asked, leaf: leaf.out.title, valid: r.valid, chain, findings: r.findings });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      out.push({ ...asked, leaf: leaf.out.title, valid: false, chain: [], findings: [{ code: 'invalid-argument', severity: 'error', message }] });
    }
  }
  return out;
}

/** Read everything given, explain each item, relate them, lint and diagnose. */
async function inspect(request: InspectRequest): Promise<InspectReport> {
  const crypto = useCrypto(defaultCrypto());
  const now = new Date();
  const items: InspectedItem[] = [];
  const certs: { out: InspectedItem; cert: X509Certificate }[] = [];
  const keys: { id: string; spki: string }[] = [];
  for (const [i, input] of request.inputs.entries()) {
    const options = request.password ? { password: request.password } : {};
    const read = await readInput(
      typeof input.data === 'string' ? { name: input.name, text: input.data } : { name: input.name, bytes: input.data },
      options,
      crypto,
    );
    read.forEach((item, j) => {
      const { out, cert } = inspected(item, `${i}.${j}`, now);
      items.push(out);
      if (cert) certs.push({ out, cert });
      if (item.kind === 'private-key' && item.publicKeyDer) keys.push({ id: out.id, spki: Convert.ToHex(item.publicKeyDer) });
    });
  }
  linkKeys(certs, keys);
  return { items, relations: [], diagnoses: await diagnose(certs, request, crypto) };
}

export const INSPECT_OPS = { inspect };
