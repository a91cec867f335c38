/**
 * The inventory as a table: one row per item (name, kind, issuer, SANs, key, not-after with its
 * badges, actions), a page of PAGE_SIZE rows at a time, each page drawn a batch per frame.
 */
import { memo, useMemo } from 'react';
import type { InventoryRow } from '../../flows/inventory/filter.ts';
import { formatSan } from '../../pki/light/index.ts';
import { hasPrivateKey, type WorkspaceItem } from '../../store/index.ts';
import { StatusBadges } from '../../components/status-badges.tsx';
import { kindText } from './kind-text.ts';
import { PAGE_SIZE, Pager, usePage } from './pager.tsx';
import { RowActions, type RowActionsProps } from './row-actions.tsx';
import { useDrawnCount } from './use-drawn-count.ts';

const COLUMNS = ['name', 'kind', 'issuer', 'sans', 'key', 'not-after', 'actions'] as const;

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

export function InventoryTable({
  rows,
  nameOf,
  onMessage,
}: {
  rows: InventoryRow<WorkspaceItem>[];
  nameOf: (id: string | undefined) => string | undefined;
  onMessage: RowActionsProps['onMessage'];
}) {
  const page = usePage(rows);
  const onPage = rows.slice(page.first, page.first + PAGE_SIZE);
  // Other rows (a filter, a change in the workspace) or another page: drawn again from the top.
  const restart = useMemo(() => ({ rows, first: page.first }), [rows, page.first]);
  const drawn = useDrawnCount(onPage.length, restart);
  return (
    <div className="table-scroll">
      <table aria-label="Workspace items" className="inventory" aria-busy={drawn < onPage.length}>
        {/* Fixed column widths (inventory.css): a batch of rows appended is laid out alone, not
            with every row before it as an automatic table layout does. */}
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c} className={`col-${c}`} />
          ))}
        </colgroup>
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
          {onPage.slice(0, drawn).map(({ item, status }) => (
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
      <Pager page={page} total={rows.length} label="Pages of the workspace" />
    </div>
  );
}
