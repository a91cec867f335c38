/** The configuration snippets for a bundle and layout, each highlighted with its Copy button. */
import type { Bundle, LayoutId } from '../../layouts/types.ts';

export function SnippetsPanel(_props: { bundle: Bundle; layout: LayoutId }) {
  return null;
}
