/**
 * The inspect report, composed once: read everything given (files or pasted text), explain each
 * item, relate them (chains, key matches, duplicates), lint, and diagnose each leaf against the
 * other certificates given, per TLS client. Pure: plain, structured-cloneable data in and out
 * (bytes and strings in; trees, summaries and findings out). The worker's inspect operation is a
 * thin adapter around it.
 */
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import {
  certFacts,
  chainLinks,
  clientMatrix,
  defaultCrypto,
  explain,
  keyDescription,
  readInput,
  relate,
  summarize,
  bindX509Crypto,
  missingCertificate,
  validatePath,
  type ChainLink,
  type ClientLine,
  type Finding,
  type Item,
  type MissingCertificate,
  type RelationItem,
  type Relations,
  type Summary,
  type TreeNode,
} from '../pki/index.ts';

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

/** Leaves diagnosed per report: enough for a cluster's worth of node certificates dropped at once. */
export const MAX_DIAGNOSES = 20;

/** How a report is made besides its request. */
export interface InspectSteps {
  /** Stops the report between inputs (the user cleared them or started another run). */
  signal?: AbortSignal;
}

/** Chains drawn per report; a thousand-node bundle would otherwise draw a thousand trees. */
export const MAX_CHAIN_TREES = 20;

/** "ECDSA P-256", "RSA 2048" (the one key description) from a summary's publicKey; undefined when there is none. */
function summaryKey(summary: Summary): string | undefined {
  const publicKey = 'publicKey' in summary ? summary.publicKey : null;
  return publicKey ? keyDescription(publicKey) : undefined;
}

/**
 * One reader item as the page and `certbench inspect` show it: the explainer's tree (a key's tree
 * names the certificates among `others` that carry it; `withTree` false leaves a certificate's
 * out), the CLI's JSON summary, its findings.
 */
function inspected(
  item: Item,
  id: string,
  now: Date,
  others: readonly Item[],
  withTree: boolean,
): { out: InspectedItem; der?: ArrayBuffer } {
  const summary = summarize(item, { now });
  if (item.kind === 'error') {
    return {
      out: {
        id,
        source: item.source,
        kind: 'error',
        title: item.source,
        message: item.message,
        tree: { label: item.message },
        summary,
        findings: [],
      },
    };
  }
  const subject = 'subject' in summary && summary.subject ? summary.subject : undefined;
  const issuer = summary.kind === 'crl' ? `from ${summary.issuer}` : undefined;
  const out: InspectedItem = {
    id,
    source: item.source,
    kind: item.kind,
    title: subject ?? summaryKey(summary) ?? issuer ?? item.source,
    pem: item.pem,
    ...(withTree || item.kind !== 'certificate' ? { tree: explain(item, { now, others }) } : {}),
    summary,
    findings: summary.kind === 'certificate' ? summary.findings : [],
  };
  if (item.kind !== 'certificate') return { out };
  out.isCA = summary.kind === 'certificate' && summary.isCA;
  return { out, der: item.der };
}

/** Parse for path validation; a certificate only the explainer could read is left out of it. */
function parsed(c: { out: InspectedItem; der: ArrayBuffer }): { out: InspectedItem; cert: X509Certificate }[] {
  try {
    return [{ out: c.out, cert: new X509Certificate(c.der) }];
  } catch {
    return [];
  }
}

/** What the relations module compares: certificates and CSRs by DER, keys by their public half. */
function relationItem(item: Item): RelationItem | undefined {
  // The reader's fingerprint is the relation id: the same SHA-256, not computed twice.
  if (item.kind === 'certificate') return { kind: item.kind, der: item.der, sha256: item.fingerprints.sha256 };
  if (item.kind === 'csr') return { kind: item.kind, der: item.der };
  if (item.kind === 'private-key' && item.publicKeyDer) return { kind: 'key', spki: item.publicKeyDer };
  return undefined;
}

/**
 * From the relations of `related` (the report's items in the order given to relate): mark each
 * certificate with its key and the chain above it (for saving), and draw chains longer than one
 * certificate, key matches and duplicates as trees.
 */
function relationTrees(r: Relations, related: InspectedItem[]): ReportNode[] {
  const at = (i: number) => related[i];
  const title = (i: number) => at(i)?.title ?? `item ${i + 1}`;
  const selfSigned = new Set(r.issuedBy.filter((e) => e.subject === e.issuer).map((e) => e.subject));
  const trees: ReportNode[] = [];

  for (const m of r.keyMatches) {
    const owner = at(m.item);
    if (owner && !owner.keyId) owner.keyId = at(m.key)?.id;
  }
  const chains = r.chains.filter((c) => c.length > 1 || !selfSigned.has(c[0] ?? -1));
  chains.forEach((chain, n) => {
    const [leaf, ...above] = chain;
    const leafItem = leaf === undefined ? undefined : at(leaf);
    const issuers = above
      .filter((i) => !selfSigned.has(i))
      .map((i) => at(i)?.pem ?? '')
      .join('');
    if (leafItem && issuers) leafItem.chainPem = issuers;
    if (n >= MAX_CHAIN_TREES) return;
    const top = chain[chain.length - 1] ?? -1;
    trees.push({
      label: 'Chain',
      value: leaf === undefined ? '' : title(leaf),
      note: selfSigned.has(top) ? 'ends at a self-signed root' : 'the issuer of the top certificate is not loaded',
      children: chain.map((i, depth) => ({ label: depth === 0 ? 'Certificate' : 'Issued by', value: title(i) })),
    });
  });
  if (chains.length > MAX_CHAIN_TREES)
    trees.push({
      label: 'More chains',
      value: String(chains.length - MAX_CHAIN_TREES),
      note: "each leaf's own section names its issuer",
    });
  if (r.keyMatches.length) {
    trees.push({
      label: 'Private keys',
      children: r.keyMatches.map((m) => ({ label: title(m.key), value: `belongs to ${title(m.item)}` })),
    });
  }
  // Name each matched key after what it belongs to: "ECDSA P-256 (CN=node1)" says more than the algorithm.
  for (const m of r.keyMatches) {
    const key = at(m.key);
    const owner = at(m.item);
    if (key && owner && at(m.item)?.kind === 'certificate' && !key.title.includes('('))
      key.title = `${key.title} (${owner.title})`;
  }
  if (r.duplicates.length) {
    trees.push({
      label: 'Duplicates',
      children: r.duplicates.map((g) => ({
        label: `${g.length} copies`,
        value: title(g[0] ?? 0),
        children: g.map((i) => ({ label: 'From', value: at(i)?.source ?? '' })),
      })),
    });
  }
  return trees;
}

/**
 * Judge each leaf against the other certificates given: self-issued CAs are the trust anchors
 * (this is a private PKI: the user's own roots, never the browser's), the rest may complete the
 * path, and CRLs among the inputs are checked (revoked, or status unknown). A leaf with no anchor
 * among the inputs gets "untrusted root" or "missing intermediate".
 */
async function diagnose(
  found: { out: InspectedItem; der: ArrayBuffer }[],
  crls: ArrayBuffer[],
  request: InspectRequest,
  now: Date,
  crypto: Crypto,
): Promise<Diagnosis[]> {
  // Nothing to judge without a leaf: a CA bundle is not parsed a second time.
  if (found.every((c) => c.out.isCA)) return [];
  const certs = found.flatMap(parsed);
  const isCa = (c: X509Certificate) => certFacts(c).basicConstraints?.ca === true;
  const leaves = certs.filter((c) => !isCa(c.cert)).slice(0, MAX_DIAGNOSES);
  const cas = certs.filter((c) => isCa(c.cert)).map((c) => c.cert);
  const anchors = cas.filter((c) => certFacts(c).selfIssued);
  const intermediates = cas.filter((c) => !certFacts(c).selfIssued);
  const asked = { ...(request.host ? { host: request.host } : {}), ...(request.role ? { role: request.role } : {}) };
  const out: Diagnosis[] = [];
  for (const leaf of leaves) {
    try {
      const r = await validatePath(
        {
          leaf: leaf.cert,
          anchors,
          intermediates,
          ...(crls.length ? { crls } : {}),
          ...(request.role ? { purpose: request.role } : {}),
          ...(request.host ? { host: request.host } : {}),
          at: now,
        },
        crypto,
      );
      const chain = await Promise.all(
        r.chain.map(async (c) => Convert.ToHex(await c.getThumbprint('SHA-256', crypto))),
      );
      const missing = r.findings.some((f) => f.code === 'missing-intermediate')
        ? missingCertificate(r.chain, anchors.length > 0)
        : undefined;
      out.push({
        ...asked,
        leaf: leaf.out.title,
        valid: r.valid,
        chain,
        findings: r.findings,
        clients: clientMatrix(r),
        links: await chainLinks(r.chain, now, crypto),
        ...(missing ? { missing } : {}),
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      out.push({
        ...asked,
        leaf: leaf.out.title,
        valid: false,
        chain: [],
        findings: [{ code: 'invalid-argument', severity: 'error', message }],
        clients: [],
        links: [],
      });
    }
  }
  return out;
}

/**
 * Read everything given, explain each item, relate them, lint and diagnose. A cancelled call
 * (the user cleared the inputs or started another run) stops between inputs. Every item has its
 * tree unless `request.treesOnRequestFrom` says otherwise (then see InspectedItem.tree).
 */
export function inspectReport(
  request: InspectRequest,
  steps: InspectSteps = {},
  crypto: Crypto = bindX509Crypto(defaultCrypto()),
): Promise<InspectReport> {
  return buildReport(request, request.treesOnRequestFrom ?? Infinity, steps, crypto);
}

/** The report with every item's tree, whatever the request says: what `certbench inspect` prints. */
export async function explainedReport(
  request: InspectRequest,
  steps: InspectSteps = {},
  crypto: Crypto = bindX509Crypto(defaultCrypto()),
): Promise<InspectReport<ExplainedItem>> {
  // With no threshold every item is explained, so every `tree` is set.
  return (await buildReport(request, Infinity, steps, crypto)) as InspectReport<ExplainedItem>;
}

async function buildReport(
  request: InspectRequest,
  treesOnRequestFrom: number,
  steps: InspectSteps,
  crypto: Crypto,
): Promise<InspectReport> {
  const now = new Date();
  const items: InspectedItem[] = [];
  const certs: { out: InspectedItem; der: ArrayBuffer }[] = [];
  // CRLs given alongside take part in each leaf's diagnosis (revoked, or status unknown).
  const crls: ArrayBuffer[] = [];
  const read: Item[][] = [];
  for (const input of request.inputs) {
    steps.signal?.throwIfAborted();
    const options = request.password ? { password: request.password } : {};
    read.push(
      await readInput(
        typeof input.data === 'string'
          ? { name: input.name, text: input.data }
          : { name: input.name, bytes: input.data },
        options,
        crypto,
      ),
    );
  }
  const all = read.flat();
  // The signature checks start first and are awaited last: where WebCrypto verifies off the
  // JavaScript thread (Node's thread pool), they run while this one explains, summarises and lints.
  const related = all.flatMap((item, index) => {
    const rel = relationItem(item);
    return rel ? [{ rel, index }] : [];
  });
  const relating =
    related.length > 0
      ? relate(
          related.map((r) => r.rel),
          crypto,
        )
      : undefined;
  // Should the loop below throw, the checks are abandoned, not left as an unhandled rejection.
  relating?.catch(() => undefined);
  const withTrees = all.filter((item) => item.kind === 'certificate').length < treesOnRequestFrom;
  read.forEach((group, i) =>
    group.forEach((item, j) => {
      const { out, der } = inspected(item, `${i}.${j}`, now, all, withTrees);
      items.push(out);
      if (der) certs.push({ out, der });
      if (item.kind === 'crl') crls.push(item.der);
    }),
  );
  const relations = relating
    ? relationTrees(
        await relating,
        related.map((r) => items[r.index]!),
      )
    : [];
  return { at: now.toISOString(), items, relations, diagnoses: await diagnose(certs, crls, request, now, crypto) };
}
