/**
 * Draws any explanation tree ({label, value, children, note}) as nested lists. Branches fold
 * with native <details>, so the tree is usable by keyboard and screen reader without scripts.
 * The inspector's tree, the relations and the JSON-like summaries all go through this one view.
 */
import './tree-view.css';

/** One node of a view-model tree; structurally what the core's `explain(item)` returns. */
export interface TreeNode {
  label: string;
  value?: string | number | boolean | null;
  note?: string;
  children?: readonly TreeNode[];
}

export interface TreeViewProps {
  node: TreeNode;
  /** Branches shallower than this start open (default 2: the item and its sections). */
  openDepth?: number;
}

function Line({ node }: { node: TreeNode }) {
  const hasValue = node.value !== undefined && node.value !== null && node.value !== '';
  return (
    <>
      <span className="tree__label">{node.label}</span>
      {hasValue && (
        <>
          <span className="tree__sep">: </span>
          <span className="tree__value">{String(node.value)}</span>
        </>
      )}
      {node.note && <span className="tree__note"> ({node.note})</span>}
    </>
  );
}

function Branch({ node, depth, openDepth }: { node: TreeNode; depth: number; openDepth: number }) {
  const children = node.children ?? [];
  if (children.length === 0) return <Line node={node} />;
  return (
    <details open={depth < openDepth}>
      <summary>
        <Line node={node} />
      </summary>
      <ul className="tree__children">
        {children.map((child, i) => (
          <li key={`${i}:${child.label}`}>
            <Branch node={child} depth={depth + 1} openDepth={openDepth} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Render one tree. The root is a list of one so nesting reads the same at every level. */
export function TreeView({ node, openDepth = 2 }: TreeViewProps) {
  return (
    <ul className="tree">
      <li>
        <Branch node={node} depth={0} openDepth={openDepth} />
      </li>
    </ul>
  );
}
