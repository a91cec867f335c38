/**
 * The configuration snippets of a bundle, filled in from its paths, SANs and client CNs, each with
 * its own Copy button: the target's own first under a table of contents, the rest folded under
 * "Other targets". A node (and client) picker re-renders the per-node snippets for the one chosen.
 * The Cluster result and Export → Bundles both show it.
 */
import { memo, useId, useMemo, useState } from 'react';
import { NamePicker } from './name-picker.tsx';
import { CodeBlock, type CodeLanguage } from './code-block.tsx';
import { bundleSnippetContext, renderSnippet } from '../flows/bundle-snippets.ts';
import type { BundleOutline, LayoutId, LayoutOptions } from '../layouts/types.ts';
import { orderedSnippets } from '../targets/snippets.ts';
import { targetById, targetOfLayout, type TargetId } from '../targets/index.ts';
import type { Snippet, SnippetContext, SnippetLanguage } from '../snippets/types.ts';
import './snippets-panel.css';

const LANGUAGE: Record<SnippetLanguage, CodeLanguage> = {
  yaml: 'yaml',
  python: 'python',
  javascript: 'js',
  ini: 'ini',
  shell: 'shell',
};

/**
 * One snippet, rendered here from the bundle's context: React may yield between blocks, where
 * rendering every snippet of a thousand-node bundle in the panel's own render was one long task.
 */
const SnippetBlock = memo(function SnippetBlock({
  snippet,
  context,
  id,
}: {
  snippet: Snippet;
  context: SnippetContext;
  id: string;
}) {
  const r = useMemo(() => renderSnippet(snippet, context), [snippet, context]);
  return (
    <div className="snippet">
      <h5 id={id} tabIndex={-1}>
        {r.snippet.label}
      </h5>
      {r.caution && (
        <p className="snippet__caution" role="note">
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
});

export interface SnippetsPanelProps {
  bundle: BundleOutline;
  layout: LayoutId;
  options?: LayoutOptions;
  /** The target the bundle was made for; the layout's own target otherwise (generic → generic, never Node.js). */
  target?: TargetId;
  /** False to show only the target's own snippets (the Cluster result); true by default. */
  others?: boolean;
}

export function SnippetsPanel({ bundle, layout, options, target, others: showOthers = true }: SnippetsPanelProps) {
  const prefix = useId();
  const [nodeName, setNodeName] = useState('');
  const [clientName, setClientName] = useState('');
  const [othersOpen, setOthersOpen] = useState(false);
  const chosenTarget = target ? targetById(target) : targetOfLayout(layout);
  const nodeNames = useMemo(() => bundle.nodes.map((n) => n.name), [bundle]);
  const clientNames = useMemo(() => bundle.clients.map((c) => c.name), [bundle]);
  const node = bundle.nodes.find((n) => n.name === nodeName)?.name ?? bundle.nodes[0]?.name;
  const client = bundle.clients.find((c) => c.name === clientName)?.name ?? bundle.clients[0]?.name;
  const { context, own, others } = useMemo(() => {
    const order = orderedSnippets(layout, options, chosenTarget);
    const pick = { ...(node ? { nodeName: node } : {}), ...(client ? { clientName: client } : {}) };
    return {
      context: bundleSnippetContext(bundle, layout, options, pick),
      own: order.own,
      others: showOthers ? order.others : [],
    };
  }, [bundle, layout, options, chosenTarget, node, client, showOthers]);
  const anchor = (snippet: Snippet) => `${prefix}-${snippet.id}`;
  // Buttons, not #fragment links: the app routes by the location hash.
  const jump = (id: string) => {
    const heading = document.getElementById(id);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  return (
    <section aria-labelledby={`${prefix}-heading`} className="snippets">
      <h4 id={`${prefix}-heading`}>Snippets</h4>
      <p className="field__help">
        {chosenTarget.description}. Filled in for {[node ?? 'a node', client].filter(Boolean).join(' and ')}, with the
        file paths of this bundle. Passwords appear as placeholders, never as themselves.
      </p>
      <div className="snippets__pickers">
        <NamePicker
          label="Node for the snippets"
          noun="node"
          names={nodeNames}
          value={node ?? ''}
          onChange={setNodeName}
          className="snippets__picker"
        />
        <NamePicker
          label="Client for the snippets"
          noun="client"
          names={clientNames}
          value={client ?? ''}
          onChange={setClientName}
          className="snippets__picker"
        />
      </div>
      <nav aria-label="Snippets on this page" className="snippets__toc">
        <ol>
          {own.map((snippet) => (
            <li key={snippet.id}>
              <button type="button" className="snippets__jump" onClick={() => jump(anchor(snippet))}>
                {snippet.label}
              </button>
            </li>
          ))}
          {others.length > 0 && (
            <li>
              <button
                type="button"
                className="snippets__jump"
                onClick={() => {
                  setOthersOpen(true);
                  requestAnimationFrame(() => jump(`${prefix}-others`));
                }}
              >
                Other targets ({others.length})
              </button>
            </li>
          )}
        </ol>
      </nav>
      {own.map((snippet) => (
        <SnippetBlock key={snippet.id} snippet={snippet} context={context} id={anchor(snippet)} />
      ))}
      {others.length > 0 && (
        <details open={othersOpen} onToggle={(e) => setOthersOpen(e.currentTarget.open)}>
          <summary id={`${prefix}-others`}>Other targets ({others.length})</summary>
          {others.map((snippet) => (
            <SnippetBlock key={snippet.id} snippet={snippet} context={context} id={anchor(snippet)} />
          ))}
        </details>
      )}
    </section>
  );
}
