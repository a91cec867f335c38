/**
 * The inventory as a tree by issuer (root → intermediates → leaves) and the clusters as groups.
 * Each branch shows what its CA issued a page of PAGE_SIZE at a time, drawn a batch per frame as
 * the table's rows are: a CA with a thousand leaves drew a thousand list items, each with its
 * row actions, in one task.
 */
import { memo, useMemo } from 'react';
import type { InventoryRow } from '../../flows/inventory/filter.ts';
import type { ItemStatus } from '../../flows/inventory/status.ts';
import { clusterGroups, issuerTree, type ClusterGroup, type TreeNode } from '../../flows/inventory/tree.ts';
import type { WorkspaceItem } from '../../store/index.ts';
import { StatusBadges } from '../../components/status-badges.tsx';
import { kindText } from './kind-text.ts';
import { PAGE_SIZE, Pager, usePage } from './pager.tsx';
import { RowActions, type RowActionsProps } from './row-actions.tsx';
import { useDrawnCount } from '../../components/use-drawn-count.ts';

/** What every branch needs, made once per tree. */
interface TreeContext {
  byId: ReadonlyMap<string, WorkspaceItem>;
  statusOf: ReadonlyMap<string, ItemStatus>;
  onMessage: RowActionsProps['onMessage'];
  /** The filters: another question draws each branch again from the top (see InventoryTable). */
  query: object;
}

export function IssuerTree({
  rows,
  query,
  byId,
  onMessage,
}: {
  rows: InventoryRow<WorkspaceItem>[];
  query: object;
  byId: ReadonlyMap<string, WorkspaceItem>;
  onMessage: RowActionsProps['onMessage'];
}) {
  const items = useMemo(() => rows.map((r) => r.item), [rows]);
  const context = useMemo<TreeContext>(
    () => ({ byId, statusOf: new Map(rows.map((r) => [r.item.id, r.status])), onMessage, query }),
    [rows, byId, onMessage, query],
  );
  const tree = useMemo(() => issuerTree(items), [items]);
  return (
    <div className="issuer-tree">
      <nav aria-label="Issuer tree">
        <Branch nodes={tree} context={context} />
      </nav>
      <ClusterGroups items={items} byId={byId} />
    </div>
  );
}

/** A level of the tree: the nodes of one page, then the pager when there are more. */
function Branch({ nodes, issuer, context }: { nodes: TreeNode[]; issuer?: string; context: TreeContext }) {
  const page = usePage(nodes);
  const onPage = nodes.slice(page.first, page.first + PAGE_SIZE);
  const restart = useMemo(() => ({ query: context.query, first: page.first }), [context.query, page.first]);
  const drawn = useDrawnCount(onPage.length, restart);
  return (
    <>
      <ul>
        {onPage.slice(0, drawn).map((n) => (
          <TreeItem key={n.id} node={n} context={context} />
        ))}
      </ul>
      <Pager
        page={page}
        total={nodes.length}
        label={issuer ? `Pages of what ${issuer} issued` : 'Pages of the top of the tree'}
        unit="items"
        landmark={false}
      />
    </>
  );
}

const TreeItem = memo(function TreeItem({ node, context }: { node: TreeNode; context: TreeContext }) {
  const item = context.byId.get(node.id);
  const status = context.statusOf.get(node.id);
  if (!item || !status) return null;
  const issued = node.children.length;
  return (
    <li>
      <span className="tree-row">
        <strong>{item.name}</strong>{' '}
        <span className="meta">
          {kindText(item)}
          {issued > 0 ? `, ${issued} issued` : ''}
        </span>{' '}
        <StatusBadges status={status} /> <RowActions item={item} status={status} onMessage={context.onMessage} />
      </span>
      {issued > 0 && <Branch nodes={node.children} issuer={item.name} context={context} />}
    </li>
  );
});

/** Members named in full up to this many; a larger cluster is counted, with its first names. */
const NAMED_MEMBERS = 8;

/**
 * The clusters, grouped here rather than in IssuerTree: React may yield between components, and
 * grouping a thousand items in the same render as the tree's other maps made one 10-12 ms task.
 */
function ClusterGroups({ items, byId }: { items: WorkspaceItem[]; byId: ReadonlyMap<string, WorkspaceItem> }) {
  const groups = useMemo(() => clusterGroups(items), [items]);
  if (groups.length === 0) return null;
  const names = (g: ClusterGroup) => {
    const shown = g.members.slice(0, NAMED_MEMBERS).map((m) => byId.get(m)?.name ?? m);
    const more = g.members.length - shown.length;
    return more > 0 ? `${g.members.length} items: ${shown.join(', ')} and ${more} more` : shown.join(', ');
  };
  return (
    <section aria-label="Clusters">
      <h3>Clusters</h3>
      <ul>
        {groups.map((g) => (
          <li key={g.cluster}>
            <strong>{g.cluster}</strong> <span className="meta">{names(g)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
