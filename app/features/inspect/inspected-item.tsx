/** One inspected item: its heading, where it came from, its tree, its findings, and Save. */
import { TreeView } from '../../components/tree-view.tsx';
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { FindingsList } from './findings-list.tsx';

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
}

export function InspectedItemView({ item, onSave, saved, disabled, openDepth }: InspectedItemProps) {
  const headingId = `inspected-${item.id.replace(/\W/g, '-')}`;
  const kind = item.isCA ? 'CA certificate' : KIND_WORD[item.kind];
  return (
    <article className={`inspected inspected--${item.kind}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {kind}: {item.title}
      </h3>
      <p className="inspected__source">From {item.source}</p>
      {item.kind === 'error' ? (
        <p className="inspected__error">{item.message ?? item.tree.label}</p>
      ) : (
        <TreeView node={item.tree} openDepth={openDepth} />
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
