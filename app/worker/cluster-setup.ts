/**
 * Cluster setup in one operation: a root CA, one node certificate per node line, one client
 * certificate per client, and the snippets for the chosen target, with progress and cancellation
 * between certificates. The issuer is loaded once for the whole batch.
 */
import { createRootCa } from '../pki/ca.ts';
import { PkiError } from '../pki/errors.ts';
import { issueLeaf } from '../pki/issue.ts';
import { loadIssuer } from '../pki/issuer.ts';
import { layoutById } from '../layouts/index.ts';
import type { LayoutId } from '../layouts/types.ts';
import { snippetContext } from '../snippets/context.ts';
import { snippetsFor } from '../snippets/index.ts';
import { certificateMeta } from './issuing-meta.ts';
import type { ClusterArgs, ClusterResult, Snippet, TargetId } from './pki-contract.ts';
import type { OpContext } from './protocol.ts';

export const LAYOUT_OF_TARGET: Record<TargetId, LayoutId> = {
  scylla: 'scylla', cassandra: 'cassandra', casty: 'casty', haystack: 'haystack', crank: 'crank',
  node: 'generic', kubernetes: 'kubernetes', generic: 'generic',
};

/** Node lines: a name, then its IPs and DNS names. Names must be folder-safe and unique. */
export function parseNodeLines(text: string): { name: string; sans: string }[] {
  const nodes: { name: string; sans: string }[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [name = '', ...rest] = line.split(/[\s,]+/);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new PkiError('invalid-argument', 'nodes', `Line ${i + 1}: "${name}" is not a usable node name (letters, digits, dot, dash, underscore).`);
    }
    if (seen.has(name)) throw new PkiError('invalid-argument', 'nodes', `Line ${i + 1}: node "${name}" is listed twice.`);
    seen.add(name);
    nodes.push({ name, sans: rest.join(' ') });
  });
  if (nodes.length === 0) throw new PkiError('invalid-argument', 'nodes', 'List at least one node.');
  return nodes;
}

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
}

function snippetsOf(layoutId: LayoutId, args: ClusterArgs, nodes: ClusterResult['nodes'], clients: ClusterResult['clients']): Snippet[] {
  const layout = layoutById(layoutId);
  const sansOf = (sans: string[] | undefined, prefix: string) => (sans ?? []).filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
  const context = snippetContext(
    {
      cluster: args.cluster,
      nodes: nodes.map((n) => ({ name: n.name, dns: sansOf(n.meta.sans, 'DNS:'), ips: sansOf(n.meta.sans, 'IP:') })),
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
  const nodeLines = parseNodeLines(args.nodes);
  for (const c of args.clients) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(c)) throw new PkiError('invalid-argument', 'clients', `"${c}" is not a usable client name (letters, digits, dot, dash, underscore).`);
  }
  const total = 1 + nodeLines.length + args.clients.length;
  let done = 0;
  ctx.progress(done, total, 'Creating the CA');
  const root = await createRootCa({ subject: { commonName: `${args.cluster.trim()} CA` }, algorithm: args.keyAlgorithm, days: args.caDays }, crypto);
  ctx.progress(++done, total, 'Issuing certificates');
  const issuer = await loadIssuer(root, crypto);
  const caChain = root.certPem;

  const nodes: ClusterResult['nodes'] = [];
  for (const n of nodeLines) {
    checkCancelled(ctx.signal);
    const leaf = await issueLeaf({ profile: 'node', commonName: n.name, sans: n.sans, algorithm: args.keyAlgorithm, days: args.leafDays }, issuer, crypto);
    nodes.push({ name: n.name, certPem: leaf.certPem, keyPem: leaf.keyPem, chainPem: caChain, meta: certificateMeta(leaf.certPem, { profile: 'node' }, leaf.sans), notes: leaf.notes });
    ctx.progress(++done, total, 'Issuing certificates');
  }
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
    warnings: [...new Set([...nodes, ...clients].flatMap((x) => x.notes))],
  };
}
