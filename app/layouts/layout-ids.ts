/**
 * The ids of the bundle layouts, without the layouts: what persisted data (the store's migration)
 * checks a layout id against without loading every layout into the first page. The registry
 * (index.ts) lists the same ids in the same order; layouts.test.ts holds them equal.
 */
export const LAYOUT_IDS = ['casty', 'haystack', 'crank', 'scylla', 'cassandra', 'kubernetes', 'generic'] as const;

export type LayoutId = (typeof LAYOUT_IDS)[number];

export function isLayoutId(id: string): id is LayoutId {
  return (LAYOUT_IDS as readonly string[]).includes(id);
}
