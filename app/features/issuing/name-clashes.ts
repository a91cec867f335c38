/**
 * Names that clash, found as the user types in Create CA, Cluster, Issue and Sign CSR: with the
 * workspace (a second "dup CA" root) or inside the form (a node and a client both called "alice").
 * Each check returns the sentence for the field, naming the clash; pure, so Node tests drive it.
 *
 * Two kinds: an `error` blocks the form because the flow would refuse it anyway (a cluster's node
 * and client of one name: each names its folder in the zip); a `warning` only informs, because the
 * result is valid but hard to tell apart (two CAs of one name; a second certificate of a name under
 * one CA, as a renewal makes; a client named like a node there, whose folder in the CA's bundle
 * Export then suffixes, "alice-2").
 */
import type { WorkspaceItem } from '../../store/index.ts';
import { itemIdentity } from '../../components/ca-identity.ts';

export interface NameClash {
  level: 'error' | 'warning';
  message: string;
}

type Item = Pick<WorkspaceItem, 'id' | 'kind' | 'name' | 'createdAt' | 'meta' | 'parentId'>;

/** Names compare as Export's folders do: trimmed and case-insensitive (zips land on case-insensitive disks). */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Create CA: a CA of this name already in the workspace. */
export function caNameClash(items: readonly Item[], name: string): NameClash | undefined {
  if (!name.trim()) return undefined;
  const same = items.filter((i) => i.kind === 'ca' && sameName(i.name, name));
  if (same.length === 0) return undefined;
  const which = same.map(itemIdentity).join('; ');
  return {
    level: 'warning',
    message: `The workspace already has a CA named "${name.trim()}" (${which}). Two CAs of one name are hard to tell apart in CA lists and trust stores: choose another name unless this one replaces it.`,
  };
}

/** Cluster: the cluster's CA ("NAME CA") or bundle already in the workspace. */
export function clusterNameClash(items: readonly Item[], cluster: string): NameClash | undefined {
  const name = cluster.trim();
  if (!name) return undefined;
  const ca = items.find((i) => i.kind === 'ca' && sameName(i.name, `${name} CA`));
  const bundle = items.find((i) => i.kind === 'bundle' && (i.meta.cluster ?? '').toLowerCase() === name.toLowerCase());
  if (!ca && !bundle) return undefined;
  const what = ca ? `a CA named "${ca.name}" (${itemIdentity(ca)})` : `a cluster bundle "${bundle?.name ?? name}"`;
  return {
    level: 'warning',
    message: `The workspace already has ${what} from a cluster called "${name}": a second one gets a CA and bundle of the same names. Choose another cluster name to tell them apart.`,
  };
}

/** The first word of each node line, with its line number (1-based, as the user counts). */
function nodeNames(nodesText: string): { name: string; line: number }[] {
  return nodesText.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return [];
    const name = line.split(/\s+/)[0] ?? '';
    return name ? [{ name, line: i + 1 }] : [];
  });
}

/** Cluster: a node name used on two lines. An error: the batch refuses it, and it would name one folder twice. */
export function nodeListClash(nodesText: string): NameClash | undefined {
  const seen = new Map<string, number>();
  for (const { name, line } of nodeNames(nodesText)) {
    const first = seen.get(name.toLowerCase());
    if (first !== undefined)
      return {
        level: 'error',
        message: `"${name}" on line ${line} is already the node on line ${first}: every node needs its own name.`,
      };
    seen.set(name.toLowerCase(), line);
  }
  return undefined;
}

/** Cluster: a client named like a node. An error: Export names their folders after them and refuses the pair. */
export function clientListClash(nodesText: string, clients: readonly string[]): NameClash | undefined {
  const nodes = nodeNames(nodesText);
  for (const client of clients) {
    const node = nodes.find((n) => sameName(n.name, client));
    if (node)
      return {
        level: 'error',
        message: `"${client}" is already the node on line ${node.line} of Nodes: a node and a client need different names (each names its folder in the bundle).`,
      };
  }
  return undefined;
}

/**
 * Issue and Sign CSR: a certificate of this name under the chosen CA, said before it is made. Of
 * the other kind (node or server vs client) its folder in the CA's bundle gets a suffix; of the
 * same kind it is a second one, as a renewal makes on purpose. Both warnings.
 */
export function leafNameClash(
  items: readonly Item[],
  ca: Pick<Item, 'id' | 'name'> | undefined,
  name: string,
  profile: 'node' | 'server' | 'client',
): NameClash | undefined {
  if (!ca || !name.trim()) return undefined;
  const isClient = (p: string | undefined) => p === 'client';
  const same = items.filter((i) => i.kind === 'certificate' && i.parentId === ca.id && sameName(i.name, name));
  const other = same.find((i) => isClient(i.meta.profile) !== isClient(profile));
  if (other) {
    const kind = isClient(other.meta.profile) ? 'client' : 'node';
    return {
      level: 'warning',
      message: `"${other.name}" is already a ${kind} certificate under "${ca.name}" (${itemIdentity(other)}): in that CA's bundle (Export) this ${profile}'s files would go under "${name.trim().toLowerCase()}-2". Choose another name, e.g. "${name.trim()}-${profile}", to keep names and folders alike.`,
    };
  }
  const twin = same[0];
  if (!twin) return undefined;
  return {
    level: 'warning',
    message: `A certificate named "${twin.name}" is already under "${ca.name}" (${itemIdentity(twin)}). Issuing again makes a second one, as a renewal does; delete the old one from the workspace when it is replaced.`,
  };
}
