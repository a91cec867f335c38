/** One inspected item: its heading, where it came from, its tree, its findings, and Save. */
import { TreeView } from '../../components/tree-view.tsx';
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { FindingsList } from './findings-list.tsx';
import { useCertificateTree } from './certificate-tree.ts';

const KIND_WORD: Record<InspectedItem['kind'], string> = {
  certificate: 'Certificate',
  csr: 'Certificate request',
  'private-key': 'Private key',
  'public-key': 'Public key',
  crl: 'Revocation list',
  error: 'Could not read',
};

export interface InspectedItemProps {
  item: InspectedItem;
  /** Present when the item can be saved; absent hides the button. */
  onSave?: () => void;
  saved: boolean;
  /** The workspace is still loading: saving waits. */
  disabled: boolean;
  /** How deep the tree starts open: shallower when many items are shown. */
  openDepth: number;
  /** The report's instant (InspectReport.at), for a tree made on request. */
  at: string;
}

/** The item's tree, or what stands in for it while the worker makes it (or when it could not). */
function ItemTree({ item, openDepth, at }: Pick<InspectedItemProps, 'item' | 'openDepth' | 'at'>) {
  const state = useCertificateTree(item, at);
  if ('tree' in state) return <TreeView node={state.tree} openDepth={openDepth} />;
  if ('failure' in state)
    return (
      <p role="alert" className="inspected__error">
        The details could not be shown: {state.failure}
      </p>
    );
  return <p className="inspected__waiting">Reading the details…</p>;
}

export function InspectedItemView({ item, onSave, saved, disabled, openDepth, at }: InspectedItemProps) {
  const headingId = `inspected-${item.id.replace(/\W/g, '-')}`;
  const kind = item.isCA ? 'CA certificate' : KIND_WORD[item.kind];
  return (
    <article className={`inspected inspected--${item.kind}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {kind}: {item.title}
      </h3>
      <p className="inspected__source">From {item.source}</p>
      {item.kind === 'error' ? (
        <p className="inspected__error">{item.message ?? item.tree?.label}</p>
      ) : (
        <ItemTree item={item} openDepth={openDepth} at={at} />
      )}
      <FindingsList findings={item.findings} />
      {onSave && (
        <button type="button" onClick={onSave} disabled={disabled || saved}>
          {saved ? 'Saved to workspace' : 'Save to workspace'}
          <span className="visually-hidden">: {item.title}</span>
        </button>
      )}
    </article>
  );
}
