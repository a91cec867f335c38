/**
 * "Your CAs": every CA of the workspace as a tree by issuer (root → intermediates, each level in
 * natural order of names), each with its actions. A CA whose issuer is not in the workspace sits
 * at the top, like a root. Nested lists, so the nesting reads the same to a screen reader.
 */
import { useMemo } from 'react';
import { issuerTree, type TreeNode } from '../../flows/inventory/index.ts';
import { selectItemList, useApp } from '../../store/index.ts';
import { CaEntry } from './ca-entry.tsx';
import type { Say } from './ca-actions.tsx';

function Branch({ node, onMessage }: { node: TreeNode; onMessage: Say }) {
  const ca = useApp((s) => s.items[node.id]);
  if (!ca) return null;
  return (
    <li>
      <CaEntry ca={ca} onMessage={onMessage} />
      {node.children.length > 0 && (
        <ul className="ca-tree__children" aria-label={`CAs under ${ca.name}`}>
          {node.children.map((child) => (
            <Branch key={child.id} node={child} onMessage={onMessage} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function CaTree({ onMessage }: { onMessage: Say }) {
  const list = useApp(selectItemList);
  const forest = useMemo(() => issuerTree(list.filter((i) => i.kind === 'ca')), [list]);
  return (
    <ul className="ca-tree" aria-label="Certificate authorities">
      {forest.map((node) => (
        <Branch key={node.id} node={node} onMessage={onMessage} />
      ))}
    </ul>
  );
}
