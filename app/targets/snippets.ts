/** The snippets a target or a layout shows, in order, from the snippet registry. */
import type { LayoutId } from '../layouts/layout-ids.ts';
import { snippetById, snippetsFor } from '../snippets/index.ts';
import type { Snippet } from '../snippets/types.ts';
import type { Target } from './index.ts';

/** Snippets made for the layout first, then those for any layout: what a bundle of that layout shows. */
export function layoutSnippets(layout: LayoutId): Snippet[] {
  return snippetsFor(layout).filter((s) => s.layouts === 'any' || s.layouts.includes(layout));
}

/** The snippets a target shows, in its order. */
export function targetSnippets(target: Target): Snippet[] {
  return target.snippets === 'layout' ? layoutSnippets(target.layout) : target.snippets.map(snippetById);
}
