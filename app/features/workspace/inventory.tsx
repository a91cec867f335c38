/**
 * The workspace as an inventory: "Expiring soon" first, then a table (natural order, text,
 * status and CA filters, badges) or a tree by issuer with clusters as groups. Rows renew,
 * revoke, download and delete; a delete says what goes with it and can be undone for a while.
 */
import { memo, useMemo, useState } from 'react';
import { clusterGroups, issuerTree, type TreeNode } from '../../flows/inventory/tree.ts';
import { expiringSoon, inventoryRows, type InventoryRow, type StatusFilter } from '../../flows/inventory/filter.ts';
import { formatSan } from '../../pki/light/index.ts';
import { hasPrivateKey, selectItemList, useApp, type WorkspaceItem } from '../../store/index.ts';
import { PAGE_SIZE, Pager, usePage } from './pager.tsx';
import { RowActions, type RowActionsProps } from './row-actions.tsx';
import { StatusBadges } from '../../components/status-badges.tsx';
import './inventory.css';

const KIND_LABEL: Record<string, string> = {
  ca: 'CA',
  certificate: 'Certificate',
  key: 'Key',
  csr: 'CSR',
  bundle: 'Bundle',
};
const STATUS_LABEL: Record<StatusFilter, string> = {
  all: 'Any status',
  expired: 'Expired',
  soon: 'Expiring within 30 days',
  fine: 'Valid',
  revoked: 'Revoked',
  superseded: 'Superseded',
};

function kindText(item: WorkspaceItem): string {
  const kind = KIND_LABEL[item.kind] ?? item.kind;
  return item.meta.profile ? `${kind} (${item.meta.profile})` : kind;
}

export function Inventory(props: Pick<RowActionsProps, 'onMessage'>) {
  const list = useApp(selectItemList);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [caId, setCaId] = useState('');
  const [view, setView] = useState<'table' | 'tree'>('table');
  // One clock for the view's life: badges and filters agree on what "now" is.
  const [now] = useState(() => new Date());
  const byId = useMemo(() => new Map(list.map((i) => [i.id, i])), [list]);
  const cas = useMemo(() => list.filter((i) => i.kind === 'ca'), [list]);
  const rows = useMemo(
    () => inventoryRows(list, { text, status, ...(caId ? { caId } : {}), now }),
    [list, text, status, caId, now],
  );
  const soon = useMemo(() => expiringSoon(list, now), [list, now]);
  const nameOf = (id: string | undefined) => (id ? byId.get(id)?.name : undefined);

  return (
    <>
      {soon.length > 0 && (
        <section aria-labelledby="expiring-heading" className="expiring">
          <h3 id="expiring-heading">Expiring soon</h3>
          <ul aria-label="Expiring soon">
            {soon.map((r) => (
              <li key={r.item.id}>
                <strong>{r.item.name}</strong>{' '}
                <span className="meta">
                  {r.status.daysLeft === 0 ? 'today' : `in ${r.status.daysLeft ?? '?'} days`}
                  {nameOf(r.item.parentId) ? `, issued by ${nameOf(r.item.parentId) ?? ''}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="inventory-filters">
        <div className="field">
          <label htmlFor="workspace-search">Search the workspace</label>
          <input
            id="workspace-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="name, SAN, subject…"
          />
        </div>
        <div className="field">
          <label htmlFor="workspace-status">Status</label>
          <select id="workspace-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            {(Object.keys(STATUS_LABEL) as StatusFilter[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="workspace-ca">Issued by</label>
          <select id="workspace-ca" value={caId} onChange={(e) => setCaId(e.target.value)}>
            <option value="">Any CA</option>
            {cas.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="view-toggle">
          <legend>Show as</legend>
          <label>
            <input type="radio" name="inventory-view" checked={view === 'table'} onChange={() => setView('table')} />{' '}
            Table
          </label>
          <label>
            <input type="radio" name="inventory-view" checked={view === 'tree'} onChange={() => setView('tree')} /> Tree
            by issuer
          </label>
        </fieldset>
      </div>
      <p role="status">{list.length === 0 ? 'The workspace is empty.' : `${rows.length} of ${list.length} items`}</p>
      {view === 'table' ? (
        <InventoryTable rows={rows} nameOf={nameOf} onMessage={props.onMessage} />
      ) : (
        <IssuerTree items={rows.map((r) => r.item)} rows={rows} byId={byId} onMessage={props.onMessage} />
      )}
    </>
  );
}

interface TableRowProps {
  item: WorkspaceItem;
  status: InventoryRow['status'];
  issuer: string;
  onMessage: RowActionsProps['onMessage'];
}

/** One row, redrawn only when its own item, status or issuer name changes. */
const TableRow = memo(function TableRow({ item, status, issuer, onMessage }: TableRowProps) {
  return (
    <tr>
      <th scope="row">{item.name}</th>
      <td data-label="Kind">{kindText(item)}</td>
      <td data-label="Issuer">{issuer}</td>
      <td data-label="SANs" className="sans">
        {(item.meta.sans ?? []).map(formatSan).join(', ') || '—'}
      </td>
      <td data-label="Key">{item.meta.keyAlgorithm ?? (hasPrivateKey(item) ? 'key held' : '—')}</td>
      <td data-label="Not after">
        {item.meta.notAfter?.slice(0, 10) ?? '—'} <StatusBadges status={status} />
      </td>
      <td data-label="Actions">
        <RowActions item={item} status={status} onMessage={onMessage} />
      </td>
    </tr>
  );
});

function InventoryTable({
  rows,
  nameOf,
  onMessage,
}: {
  rows: InventoryRow<WorkspaceItem>[];
  nameOf: (id: string | undefined) => string | undefined;
  onMessage: RowActionsProps['onMessage'];
}) {
  const page = usePage(rows);
  return (
    <div className="table-scroll">
      <table aria-label="Workspace items" className="inventory">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Issuer</th>
            <th scope="col">SANs</th>
            <th scope="col">Key</th>
            <th scope="col">Not after</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(page.first, page.first + PAGE_SIZE).map(({ item, status }) => (
            <TableRow
              key={item.id}
              item={item}
              status={status}
              issuer={
                nameOf(item.parentId) ??
                (item.meta.issuer && item.meta.issuer !== item.meta.subject ? item.meta.issuer : '—')
              }
              onMessage={onMessage}
            />
          ))}
        </tbody>
      </table>
      <Pager page={page} total={rows.length} />
    </div>
  );
}

function IssuerTree({
  items,
  rows,
  byId,
  onMessage,
}: {
  items: WorkspaceItem[];
  rows: InventoryRow<WorkspaceItem>[];
  byId: ReadonlyMap<string, WorkspaceItem>;
  onMessage: RowActionsProps['onMessage'];
}) {
  const statusOf = useMemo(() => new Map(rows.map((r) => [r.item.id, r.status])), [rows]);
  const tree = useMemo(() => issuerTree(items), [items]);
  const groups = useMemo(() => clusterGroups(items), [items]);
  const branch = (nodes: TreeNode[]) => (
    <ul>
      {nodes.map((n) => {
        const item = byId.get(n.id);
        const status = statusOf.get(n.id);
        if (!item || !status) return null;
        return (
          <li key={n.id}>
            <span className="tree-row">
              <strong>{item.name}</strong> <span className="meta">{kindText(item)}</span>{' '}
              <StatusBadges status={status} /> <RowActions item={item} status={status} onMessage={onMessage} />
            </span>
            {n.children.length > 0 && branch(n.children)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="issuer-tree">
      <nav aria-label="Issuer tree">{branch(tree)}</nav>
      {groups.length > 0 && (
        <section aria-label="Clusters">
          <h3>Clusters</h3>
          <ul>
            {groups.map((g) => (
              <li key={g.cluster}>
                <strong>{g.cluster}</strong>{' '}
                <span className="meta">{g.members.map((m) => byId.get(m)?.name ?? m).join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
