/**
 * What depends on an item, for a delete that says what it takes along: everything a CA issued,
 * down the whole tree (an intermediate's leaves, a root's intermediates and theirs), and the
 * bundles made of any of those.
 */
import type { InventoryItem } from './types.ts';

/** Ids of the items that depend on `id`, in breadth-first order (never `id` itself). */
export function dependantsOf(id: string, items: readonly InventoryItem[]): string[] {
  const children = new Map<string, string[]>();
  for (const item of items) {
    if (!item.parentId) continue;
    const siblings = children.get(item.parentId);
    if (siblings) siblings.push(item.id);
    else children.set(item.parentId, [item.id]);
  }
  const found = new Set<string>();
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] ?? '') ?? []) {
      if (child !== id && !found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  const gone = new Set([id, ...found]);
  for (const item of items) {
    if (item.kind === 'bundle' && !found.has(item.id) && item.meta.members?.some((m) => gone.has(m)))
      found.add(item.id);
  }
  return [...found];
}
