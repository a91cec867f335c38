/**
 * The configuration snippets of a bundle, rendered once for every surface that shows them (the
 * Cluster result, Export → Bundles, the round-trip tests): filled in from the layout's paths,
 * the nodes' hosts and the clients' CNs. A snippet that does not apply to the bundle carries
 * its reason instead of code.
 */
import { layoutById } from '../layouts/index.ts';
import type { BundleOutline, LayoutId, LayoutOptions } from '../layouts/types.ts';
import { snippetContext, type SnippetContextOptions } from '../snippets/context.ts';
import type { Snippet, SnippetContext, SnippetLanguage } from '../snippets/types.ts';

export interface RenderedSnippet {
  snippet: Snippet;
  /** The file the text usually lives in, or a name from the snippet's id and language. */
  fileName: string;
  code?: string;
  problem?: string;
  /** What the snippet cannot make safe here, for the UI to show beside it (the snippet says it too). */
  caution?: string;
}

// The Node snippets are ES modules (import statements): .mjs runs them as such without a package.json.
const EXTENSION: Record<SnippetLanguage, string> = {
  yaml: 'yaml',
  python: 'py',
  javascript: 'mjs',
  ini: 'ini',
  shell: 'sh',
};

/** The file name a snippet is shown and saved under. */
export function snippetFileName(snippet: Snippet): string {
  return snippet.filename ?? `${snippet.id}.${EXTENSION[snippet.language]}`;
}

/** Each snippet rendered for the bundle as laid out for `layout`, in the order given; `pick` names the node and client. */
export function renderSnippets(
  outline: BundleOutline,
  layout: LayoutId,
  snippets: readonly Snippet[],
  options?: LayoutOptions,
  pick: Pick<SnippetContextOptions, 'nodeName' | 'clientName'> = {},
): RenderedSnippet[] {
  const context = bundleSnippetContext(outline, layout, options, pick);
  return snippets.map((snippet) => renderSnippet(snippet, context));
}

/** The context every snippet of the bundle renders from (renderSnippets' first half). */
export function bundleSnippetContext(
  outline: BundleOutline,
  layout: LayoutId,
  options?: LayoutOptions,
  pick: Pick<SnippetContextOptions, 'nodeName' | 'clientName'> = {},
): SnippetContext {
  return snippetContext(outline, layoutById(layout), {
    ...pick,
    ...(options ? { layoutOptions: options } : {}),
  });
}

/**
 * One snippet from the bundle's context: its code, or why it does not apply. Apart so a page can
 * render each snippet in a component of its own (a thousand nodes' snippets made in one render
 * were a 15-20 ms task).
 */
export function renderSnippet(snippet: Snippet, context: SnippetContext): RenderedSnippet {
  try {
    const caution = snippet.caution?.(context);
    return {
      snippet,
      fileName: snippetFileName(snippet),
      code: snippet.render(context),
      ...(caution ? { caution } : {}),
    };
  } catch (e) {
    return {
      snippet,
      fileName: snippetFileName(snippet),
      problem: e instanceof Error ? e.message : 'This snippet does not apply to this bundle.',
    };
  }
}
