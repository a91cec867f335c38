/**
 * The workspace as an inventory: "Expiring soon" first, then a table (natural order, text,
 * status and CA filters, badges) or a tree by issuer with clusters as groups. Rows renew,
 * revoke, download and delete; a delete says what goes with it and can be undone for a while.
 * The view shown is in the address (#/workspace?view=tree), so a reload or a link keeps it.
 */
import { useMemo, useState } from 'react';
import { expiringSoon, inventoryRows, type StatusFilter } from '../../flows/inventory/filter.ts';
import { hrefFor, useHashParam } from '../../lib/hash-route.ts';
import { selectItemList, useApp, type WorkspaceItem } from '../../store/index.ts';
import { InventoryTable } from './inventory-table.tsx';
import { IssuerTree } from './issuer-tree.tsx';
import type { RowActionsProps } from './row-actions.tsx';
import './inventory.css';
import { daysText } from '../../components/status-badges.tsx';

type InventoryView = 'table' | 'tree';
const STATUS_LABEL: Record<StatusFilter, string> = {
  all: 'Any status',
  expired: 'Expired',
  soon: 'Expiring within 30 days',
  fine: 'Valid',
  revoked: 'Revoked',
  superseded: 'Superseded',
};

/** Show the table or the tree, and say so in the address without a new history entry. */
function useInventoryView(): [InventoryView, (view: InventoryView) => void] {
  const asked = useHashParam('view');
  const [view, setView] = useState<InventoryView>(asked === 'tree' ? 'tree' : 'table');
  const choose = (next: InventoryView) => {
    setView(next);
    history.replaceState(history.state, '', hrefFor('workspace', next === 'tree' ? { view: 'tree' } : undefined));
  };
  return [view, choose];
}

export function Inventory(props: Pick<RowActionsProps, 'onMessage'>) {
  const list = useApp(selectItemList);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [caId, setCaId] = useState('');
  const [view, setView] = useInventoryView();
  // One clock for the view's life: badges and filters agree on what "now" is.
  const [now] = useState(() => new Date());
  const byId = useMemo(() => new Map(list.map((i) => [i.id, i])), [list]);
  const cas = useMemo(() => list.filter((i) => i.kind === 'ca'), [list]);
  // Rows are drawn again from the top (a batch per frame) when the question changes, not when the
  // workspace does: a renew or revoke keeps every row, its open dialog and the focus in place.
  const query = useMemo(() => ({ text, status, caId }), [text, status, caId]);

  return (
    <>
      <ExpiringSoon list={list} now={now} byId={byId} />
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
      <InventoryRows list={list} query={query} now={now} byId={byId} view={view} onMessage={props.onMessage} />
    </>
  );
}

/**
 * The workspace's lists are each made in a component of their own (the items expiring soon, the
 * rows that answer the filters): React may yield between components, and both made in the
 * Inventory's own render were one 10-15 ms task when a thousand items opened.
 */
function ExpiringSoon({
  list,
  now,
  byId,
}: {
  list: WorkspaceItem[];
  now: Date;
  byId: ReadonlyMap<string, WorkspaceItem>;
}) {
  const soon = useMemo(() => expiringSoon(list, now), [list, now]);
  if (soon.length === 0) return null;
  const nameOf = (id: string | undefined) => (id ? byId.get(id)?.name : undefined);
  return (
    <section aria-labelledby="expiring-heading" className="expiring">
      <h3 id="expiring-heading">Expiring soon</h3>
      <ul aria-label="Expiring soon">
        {soon.map((r) => (
          <li key={r.item.id}>
            <strong>{r.item.name}</strong>{' '}
            <span className="meta">
              {r.status.daysLeft === 0 ? 'today' : `in ${daysText(r.status.daysLeft)}`}
              {nameOf(r.item.parentId) ? `, issued by ${nameOf(r.item.parentId) ?? ''}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The count of what answers the filters, and those rows as a table or a tree. */
function InventoryRows({
  list,
  query,
  now,
  byId,
  view,
  onMessage,
}: {
  list: WorkspaceItem[];
  query: { text: string; status: StatusFilter; caId: string };
  now: Date;
  byId: ReadonlyMap<string, WorkspaceItem>;
  view: InventoryView;
  onMessage: RowActionsProps['onMessage'];
}) {
  const { text, status, caId } = query;
  const rows = useMemo(
    () => inventoryRows(list, { text, status, ...(caId ? { caId } : {}), now }),
    [list, text, status, caId, now],
  );
  const nameOf = (id: string | undefined) => (id ? byId.get(id)?.name : undefined);
  return (
    <>
      <p role="status">{list.length === 0 ? 'The workspace is empty.' : `${rows.length} of ${list.length} items`}</p>
      {view === 'table' ? (
        <InventoryTable rows={rows} query={query} nameOf={nameOf} onMessage={onMessage} />
      ) : (
        <IssuerTree rows={rows} query={query} byId={byId} onMessage={onMessage} />
      )}
    </>
  );
}
