/**
 * The configuration snippets for a bundle and layout, filled in from the bundle's paths, SANs
 * and client CNs, each highlighted with its own Copy button. Snippets made for the chosen layout
 * come first; the rest fold away under "Other targets".
 */
import { useMemo } from 'react';
import { CodeBlock, type CodeLanguage } from '../../components/code-block.tsx';
import { renderSnippets, type RenderedSnippet } from '../../flows/bundle-snippets.ts';
import type { BundleOutline, LayoutId, LayoutOptions } from '../../layouts/types.ts';
import { snippetsFor } from '../../snippets/index.ts';
import type { SnippetLanguage } from '../../snippets/types.ts';

const LANGUAGE: Record<SnippetLanguage, CodeLanguage> = {
  yaml: 'yaml',
  python: 'python',
  javascript: 'js',
  ini: 'ini',
  shell: 'shell',
};

function SnippetBlock({ r }: { r: RenderedSnippet }) {
  return (
    <div className="snippet">
      <h5>{r.snippet.label}</h5>
      {r.caution && (
        <p className="export-warning snippet__caution" role="note">
          <strong>Caution:</strong> {r.caution}
        </p>
      )}
      {r.code !== undefined ? (
        <CodeBlock
          code={r.code}
          language={LANGUAGE[r.snippet.language]}
          title={r.snippet.filename ?? r.snippet.label}
        />
      ) : (
        <p>{r.problem}</p>
      )}
    </div>
  );
}

export interface SnippetsPanelProps {
  bundle: BundleOutline;
  layout: LayoutId;
  options?: LayoutOptions;
}

export function SnippetsPanel({ bundle, layout, options }: SnippetsPanelProps) {
  const rendered = useMemo(
    () => renderSnippets(bundle, layout, snippetsFor(layout), options),
    [bundle, layout, options],
  );
  const mine = rendered.filter((r) => r.snippet.layouts === 'any' || r.snippet.layouts.includes(layout));
  const others = rendered.filter((r) => !mine.includes(r));

  return (
    <section aria-labelledby="snippets-heading" className="snippets">
      <h4 id="snippets-heading">Snippets</h4>
      <p className="field__help">
        Filled in for {[bundle.nodes[0]?.name ?? 'a node', bundle.clients[0]?.name].filter(Boolean).join(' and ')}, with
        the file paths of this layout. Passwords appear as placeholders, never as themselves.
      </p>
      {mine.map((r) => (
        <SnippetBlock key={r.snippet.id} r={r} />
      ))}
      {others.length > 0 && (
        <details>
          <summary>Other targets ({others.length})</summary>
          {others.map((r) => (
            <SnippetBlock key={r.snippet.id} r={r} />
          ))}
        </details>
      )}
    </section>
  );
}
