/**
 * The inventory as a table: one row per item (name, kind, issuer, SANs, key, not-after with its
 * badges, actions), a page of PAGE_SIZE rows at a time, each page drawn a batch per frame. An
 * ARIA table whose rows are each a grid on one fixed template (inventory.css): an HTML table lays
 * out all its rows again when a batch is appended (Layout 8-10 ms and Paint 5-8 ms of CPU per
 * batch in traces, 50-85 ms of wall time under load), a row of its own grid is laid out alone.
 */
import { memo, useMemo } from 'react';
import type { InventoryRow } from '../../flows/inventory/filter.ts';
import { formatSan } from '../../pki/light/index.ts';
import { hasPrivateKey, type WorkspaceItem } from '../../store/index.ts';
import { StatusBadges } from '../../components/status-badges.tsx';
import { kindText } from './kind-text.ts';
import { PAGE_SIZE, Pager, usePage } from './pager.tsx';
import { RowActions, type RowActionsProps } from './row-actions.tsx';
import { useDrawnCount } from '../../components/use-drawn-count.ts';

const COLUMNS = ['Name', 'Kind', 'Issuer', 'SANs', 'Key', 'Not after', 'Actions'] as const;

interface TableRowProps {
  item: WorkspaceItem;
  status: InventoryRow['status'];
  issuer: string;
  onMessage: RowActionsProps['onMessage'];
}

/** One row, redrawn only when its own item, status or issuer name changes. */
const TableRow = memo(function TableRow({ item, status, issuer, onMessage }: TableRowProps) {
  return (
    <div role="row" className="inventory__row">
      <div role="rowheader" className="inventory__name">
        {item.name}
      </div>
      <div role="cell" data-label="Kind">
        {kindText(item)}
      </div>
      <div role="cell" data-label="Issuer">
        {issuer}
      </div>
      <div role="cell" data-label="SANs">
        {(item.meta.sans ?? []).map(formatSan).join(', ') || '—'}
      </div>
      <div role="cell" data-label="Key">
        {item.meta.keyAlgorithm ?? (hasPrivateKey(item) ? 'key held' : '—')}
      </div>
      <div role="cell" data-label="Not after">
        {item.meta.notAfter?.slice(0, 10) ?? '—'} <StatusBadges status={status} />
      </div>
      <div role="cell" data-label="Actions">
        <RowActions item={item} status={status} onMessage={onMessage} />
      </div>
    </div>
  );
});

export function InventoryTable({
  rows,
  query,
  nameOf,
  onMessage,
}: {
  rows: InventoryRow<WorkspaceItem>[];
  /** The filters: another question (or another page) draws the rows again from the top. */
  query: object;
  nameOf: (id: string | undefined) => string | undefined;
  onMessage: RowActionsProps['onMessage'];
}) {
  const page = usePage(rows);
  const onPage = rows.slice(page.first, page.first + PAGE_SIZE);
  const restart = useMemo(() => ({ query, first: page.first }), [query, page.first]);
  const drawn = useDrawnCount(onPage.length, restart);
  return (
    <div className="table-scroll">
      <div role="table" aria-label="Workspace items" className="inventory" aria-busy={drawn < onPage.length}>
        <div role="rowgroup" className="inventory__head">
          <div role="row" className="inventory__row">
            {COLUMNS.map((c) => (
              <div role="columnheader" key={c}>
                {c}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="inventory__body">
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
        </div>
      </div>
      <Pager page={page} total={rows.length} label="Pages of the workspace" />
    </div>
  );
}
