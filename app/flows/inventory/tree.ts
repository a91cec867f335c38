/**
 * The inventory as a tree by issuer (root → intermediates → leaves, each level in natural order)
 * and the clusters as groups (a bundle's members under its cluster name). An item whose CA is not
 * in the workspace is a top-level node, like a root.
 */
import { naturalCompare } from './natural-order.ts';
import type { InventoryItem } from './types.ts';

export interface TreeNode {
  id: string;
  children: TreeNode[];
}

export function issuerTree(items: readonly InventoryItem[]): TreeNode[] {
  const present = new Set(items.map((i) => i.id));
  const byParent = new Map<string | undefined, InventoryItem[]>();
  for (const item of items) {
    if (item.kind === 'bundle') continue;
    const parent = item.parentId && present.has(item.parentId) && item.parentId !== item.id ? item.parentId : undefined;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(item);
    else byParent.set(parent, [item]);
  }
  const seen = new Set<string>();
  const build = (parent: string | undefined): TreeNode[] =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .filter((i) => !seen.has(i.id) && seen.add(i.id))
      .map((i) => ({ id: i.id, children: build(i.id) }));
  return build(undefined);
}

export interface ClusterGroup {
  cluster: string;
  /** Member ids, in natural order of their names. */
  members: string[];
}

/** Clusters by name, in natural order; an item may sit in several (a cluster's bundles share its CA). */
export function clusterGroups(items: readonly InventoryItem[]): ClusterGroup[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const cluster = item.meta.cluster;
    if (!cluster) continue;
    const set = groups.get(cluster) ?? new Set<string>();
    groups.set(cluster, set);
    if (item.kind !== 'bundle') set.add(item.id);
    for (const m of item.meta.members ?? []) if (byId.has(m)) set.add(m);
  }
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return [...groups]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([cluster, set]) => ({ cluster, members: [...set].sort((a, b) => naturalCompare(nameOf(a), nameOf(b))) }));
}
