/** The snippets a target or a layout shows, in order, from the snippet registry. */
import type { LayoutId, LayoutOptions } from '../layouts/types.ts';
import { SNIPPETS, snippetById, snippetsFor } from '../snippets/index.ts';
import type { Snippet } from '../snippets/types.ts';
import { targetOfLayout, type Target } from './index.ts';

/** Whether a snippet describes a bundle built with `options` (Cassandra's PEM or PKCS#12 form). */
function applies(snippet: Snippet, options: LayoutOptions): boolean {
  return snippet.appliesTo?.(options) ?? true;
}

/** Snippets made for the layout first, then those for any layout: what a bundle of that layout shows. */
export function layoutSnippets(layout: LayoutId, options: LayoutOptions = {}): Snippet[] {
  return snippetsFor(layout).filter((s) => (s.layouts === 'any' || s.layouts.includes(layout)) && applies(s, options));
}

/** The snippets a target shows, in its order, for a bundle built with `options`. */
export function targetSnippets(target: Target, options: LayoutOptions = {}): Snippet[] {
  if (target.snippets === 'layout') return layoutSnippets(target.layout, options);
  return target.snippets.map(snippetById).filter((s) => applies(s, options));
}

export interface OrderedSnippets {
  /** The target's own snippets, in its order. */
  own: Snippet[];
  /** Every other snippet that applies to the bundle, in registry order. */
  others: Snippet[];
}

/**
 * Every snippet for a bundle of `layout`, the target's own first (the target named, or the one the
 * layout is made for), then the rest; snippets for the other Cassandra form are left out.
 */
export function orderedSnippets(layout: LayoutId, options: LayoutOptions = {}, target?: Target): OrderedSnippets {
  const chosen = target && target.layout === layout ? target : targetOfLayout(layout);
  const own = targetSnippets(chosen, options);
  const others = SNIPPETS.filter((s) => !own.includes(s) && applies(s, options));
  return { own, others };
}
