/**
 * Turn workspace items into the plain Bundle the layouts take: from a bundle item (its members,
 * CA first) or from a CA (every certificate it issued whose key the workspace holds). Export →
 * Bundles uses it; a cluster saved by the Cluster view comes back as the Bundle the CLI's
 * `certbench bundle` makes from the same nodes (the round-trip test holds the two equal).
 */
import type { Bundle, BundleClient, BundleNode } from '../layouts/types.ts';
import type { WorkspaceItem } from '../store/index.ts';
import { nodeHosts } from './node-hosts.ts';
import { pemBlocks } from './pem-blocks.ts';

/** The CN of an RFC 4514 subject, unescaped; undefined when there is none. */
export function commonNameOf(subject: string | undefined): string | undefined {
  const m = subject ? /(?:^|,)\s*CN=((?:[^,\\]|\\.)*)/i.exec(subject) : null;
  return m?.[1]?.replace(/\\(.)/g, '$1');
}

/** Folder-safe, unique names: "Node 1" → "node-1", a second "node-1" → "node-1-2". */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const base =
      raw
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'entity';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

export interface BundleSource {
  bundle: Bundle;
  /** Members left out because the workspace lacks their private key. */
  skipped: string[];
  /** Of the skipped, how many nodes and clients hold a key the key lock keeps sealed for now. */
  locked: { nodes: number; clients: number };
}

/** The items a bundle is made of: the CA, then what it holds. */
function membersOf(
  items: Record<string, WorkspaceItem>,
  source: WorkspaceItem,
): { ca?: WorkspaceItem; leaves: WorkspaceItem[] } {
  if (source.kind === 'ca') {
    return {
      ca: source,
      leaves: Object.values(items)
        .filter((i) => i.parentId === source.id && i.kind === 'certificate')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
  }
  const members = (source.meta.members ?? []).flatMap((id) => items[id] ?? []);
  const ca = members.find((m) => m.kind === 'ca');
  return { ca, leaves: members.filter((m) => m.kind === 'certificate') };
}

/** Build the Bundle for a bundle or CA item; undefined when no CA can be found. */
export function bundleFromWorkspace(
  items: Record<string, WorkspaceItem>,
  source: WorkspaceItem,
): BundleSource | undefined {
  const { ca, leaves } = membersOf(items, source);
  if (!ca) return undefined;
  const withKeys = leaves.filter((l) => l.keyPem);
  const skipped = leaves.filter((l) => !l.keyPem).map((l) => l.name);
  const sealed = leaves.filter((l) => !l.keyPem && l.keyLocked);
  // Layouts want only the intermediates between leaf and root: the root is the anchor, in ca.pem.
  const root = [...pemBlocks(ca.pem), ...pemBlocks(ca.chainPem)].at(-1);
  const nonRoot = (pem: string | undefined) => pemBlocks(pem).filter((b) => b !== root);
  const caIntermediates = ca.chainPem ? [...pemBlocks(ca.pem), ...nonRoot(ca.chainPem)] : [];
  const chainOf = (leaf: WorkspaceItem) => (leaf.chainPem ? nonRoot(leaf.chainPem) : caIntermediates).join('');
  const isClient = (l: WorkspaceItem) => l.meta.profile === 'client';
  const sealedClients = sealed.filter(isClient).length;
  const nodeItems = withKeys.filter((l) => !isClient(l));
  const clientItems = withKeys.filter(isClient);
  // One namespace for nodes and clients: the layouts name folders after both, and a client "alice"
  // beside a node "alice" made Export refuse the CA's bundle ('"alice" is used twice').
  const names = uniqueNames([...nodeItems, ...clientItems].map((i) => i.name));
  const nodeNames = names.slice(0, nodeItems.length);
  const clientNames = names.slice(nodeItems.length);
  const nodes: BundleNode[] = nodeItems.map((n, i) => ({
    name: nodeNames[i] ?? n.name,
    ...nodeHosts(n.meta.sans),
    certPem: pemBlocks(n.pem)[0] ?? n.pem,
    keyPem: n.keyPem ?? '',
    chainPem: chainOf(n),
  }));
  const clients: BundleClient[] = clientItems.map((c, i) => ({
    name: clientNames[i] ?? c.name,
    commonName: commonNameOf(c.meta.subject) ?? c.name,
    certPem: pemBlocks(c.pem)[0] ?? c.pem,
    keyPem: c.keyPem ?? '',
    chainPem: chainOf(c),
  }));
  const caChain = pemBlocks(ca.chainPem).join('');
  return {
    bundle: {
      cluster: source.meta.cluster ?? source.name,
      ca: { certPem: pemBlocks(ca.pem)[0] ?? ca.pem, ...(caChain ? { chainPem: caChain } : {}) },
      nodes,
      clients,
    },
    skipped,
    locked: { nodes: sealed.length - sealedClients, clients: sealedClients },
  };
}
