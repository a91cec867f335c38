/**
 * Selectors that return stable values: lists are memoised on the `items` object they come
 * from, so React re-renders only when the workspace changed.
 */
import { formatSan } from '../pki/light/index.ts';
import type { AppState } from './create-store.ts';
import type { ItemKind, WorkspaceItem } from './types.ts';

function memoOnItems<T>(compute: (items: Record<string, WorkspaceItem>) => T): (s: Pick<AppState, 'items'>) => T {
  let lastItems: Record<string, WorkspaceItem> | undefined;
  let last: T | undefined;
  return (s) => {
    if (s.items !== lastItems || last === undefined) {
      lastItems = s.items;
      last = compute(s.items);
    }
    return last;
  };
}

/** Every item, newest first. */
export const selectItemList = memoOnItems((items) =>
  Object.values(items).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name)),
);

/** Items whose `parentId` is `id` (what a CA issued). Not memoised: call inside useMemo or with useShallow. */
export function childrenOf(items: Record<string, WorkspaceItem>, id: string): WorkspaceItem[] {
  return Object.values(items).filter((i) => i.parentId === id);
}

/** Case-insensitive search over name, subject, SANs and kind. */
export function searchItems(list: readonly WorkspaceItem[], query: string, kind?: ItemKind): WorkspaceItem[] {
  const q = query.trim().toLowerCase();
  return list.filter((i) => {
    if (kind && i.kind !== kind) return false;
    if (!q) return true;
    const hay = [i.name, i.kind, i.meta.subject, i.meta.profile, ...(i.meta.sans ?? []).map(formatSan)]
      .join('\n')
      .toLowerCase();
    return hay.includes(q);
  });
}
