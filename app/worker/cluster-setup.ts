/**
 * Cluster setup in one operation: a root CA, one node certificate per node line, one client
 * certificate per client, and the snippets for the chosen target, with progress and cancellation
 * between certificates. Node lines are all checked before the first key is made.
 */
import { createRootCa } from '../pki/ca.ts';
import { PkiError } from '../pki/errors.ts';
import { issueBatch, parseBatch } from '../pki/batch.ts';
import { issueLeaf } from '../pki/issue.ts';
import { loadIssuer } from '../pki/issuer.ts';
import { layoutById } from '../layouts/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import { snippetContext } from '../snippets/context.ts';
import { snippetsFor } from '../snippets/index.ts';
import { nodeHosts } from '../flows/node-hosts.ts';
import { certificateMeta } from './issuing-meta.ts';
import type { ClusterArgs, ClusterResult, Snippet, TargetId } from './pki-contract.ts';
import type { OpContext } from './protocol.ts';

export const LAYOUT_OF_TARGET: Record<TargetId, LayoutId> = {
  scylla: 'scylla', cassandra: 'cassandra', casty: 'casty', haystack: 'haystack', crank: 'crank',
  node: 'generic', kubernetes: 'kubernetes', generic: 'generic',
};

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
}

function snippetsOf(layoutId: LayoutId, args: ClusterArgs, nodes: ClusterResult['nodes'], clients: ClusterResult['clients']): Snippet[] {
  const layout = layoutById(layoutId);
  const context = snippetContext(
    {
      cluster: args.cluster,
      nodes: nodes.map((n) => ({ name: n.name, ...nodeHosts(n.meta.sans) })),
      clients: clients.map((c) => ({ name: c.name, commonName: c.name })),
    },
    layout,
  );
  const relevant = snippetsFor(layoutId).filter((s) => s.layouts === 'any' || s.layouts.includes(layoutId));
  const wanted = args.target === 'node' ? snippetsFor(layoutId).filter((s) => s.id.startsWith('node')) : relevant;
  return wanted.map((s) => ({ title: s.label, fileName: s.filename ?? `${s.id}.${s.language === 'javascript' ? 'js' : s.language === 'python' ? 'py' : s.language === 'shell' ? 'sh' : s.language}`, code: s.render(context) }));
}

export async function setUpCluster(args: ClusterArgs, ctx: OpContext, crypto?: Crypto): Promise<ClusterResult> {
  const layout = LAYOUT_OF_TARGET[args.target];
  if (!args.cluster.trim()) throw new PkiError('invalid-name', 'cluster', 'Name the cluster.');
  const nodeLines = parseBatch(args.nodes); // checks every line before any key is made
  for (const c of args.clients) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(c)) throw new PkiError('invalid-argument', 'clients', `"${c}" is not a usable client name (letters, digits, dot, dash, underscore).`);
  }
  const total = 1 + nodeLines.length + args.clients.length;
  let done = 0;
  ctx.progress(done, total, 'Creating the CA');
  const root = await createRootCa({ subject: { commonName: `${args.cluster.trim()} CA` }, algorithm: args.keyAlgorithm, days: args.caDays }, crypto);
  ctx.progress(++done, total, 'Issuing certificates');
  const caChain = root.certPem;

  const batch = await issueBatch(args.nodes, root, { profile: 'node', algorithm: args.keyAlgorithm, days: args.leafDays }, crypto,
    (n) => ctx.progress(1 + n, total, 'Issuing certificates'), ctx.signal);
  done += batch.items.length;
  const nodes: ClusterResult['nodes'] = batch.items.map((leaf) => ({
    name: leaf.name, certPem: leaf.certPem, keyPem: leaf.keyPem, chainPem: caChain, meta: certificateMeta(leaf.certPem, { profile: 'node' }, leaf.sans), notes: leaf.notes,
  }));
  const issuer = await loadIssuer(root, crypto);
  const clients: ClusterResult['clients'] = [];
  for (const name of args.clients) {
    checkCancelled(ctx.signal);
    const leaf = await issueLeaf({ profile: 'client', commonName: name, algorithm: args.keyAlgorithm, days: args.leafDays }, issuer, crypto);
    clients.push({ name, certPem: leaf.certPem, keyPem: leaf.keyPem, chainPem: caChain, meta: certificateMeta(leaf.certPem, { profile: 'client' }, leaf.sans), notes: leaf.notes });
    ctx.progress(++done, total, 'Issuing certificates');
  }
  return {
    ca: { certPem: root.certPem, keyPem: root.keyPem, chainPem: '', meta: certificateMeta(root.certPem, { profile: 'root' }), notes: root.notes },
    nodes,
    clients,
    layout,
    snippets: snippetsOf(layout, args, nodes, clients),
    warnings: [...new Set([...batch.notes, ...nodes.flatMap((x) => x.notes), ...clients.flatMap((x) => x.notes)])],
  };
}
