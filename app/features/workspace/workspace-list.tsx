/** The workspace's items, searchable, each deletable after a confirmation. */
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatSan } from '../../pki/san.ts';
import { appStore, searchItems, selectItemList, useApp, type ItemKind, type WorkspaceItem } from '../../store/index.ts';

const KIND_LABEL: Record<ItemKind, string> = { ca: 'CA', certificate: 'Certificate', key: 'Key', csr: 'CSR', bundle: 'Bundle' };

/** One line of what the item is; `issuer` is the name of the workspace CA that issued it. */
function describe(item: WorkspaceItem, issuer: string | undefined): string {
  const parts = [KIND_LABEL[item.kind]];
  if (item.meta.profile) parts.push(item.meta.profile);
  if (item.meta.notAfter) parts.push(`until ${item.meta.notAfter.slice(0, 10)}`);
  if (item.meta.sans?.length) parts.push(item.meta.sans.map(formatSan).join(', '));
  if (item.meta.members) parts.push(`${item.meta.members.length} items, ${item.meta.layout ?? ''} layout`);
  if (issuer) parts.push(item.kind === 'bundle' ? `CA ${issuer}` : `issued by ${issuer}`);
  if (item.meta.source) parts.push(`from ${item.meta.source}`);
  if (item.keyPem) parts.push('with private key');
  return parts.join(' · ');
}

export function WorkspaceList() {
  const list = useApp(selectItemList);
  const [query, setQuery] = useState('');
  const [doomed, setDoomed] = useState<WorkspaceItem>();
  const shown = searchItems(list, query);
  // One map per list, not a scan per row: a 1000-node cluster would make that a million compares.
  const names = useMemo(() => new Map(list.map((i) => [i.id, i.name])), [list]);
  const nameOf = (id: string | undefined) => (id ? names.get(id) : undefined);

  return (
    <>
      <div className="field">
        <label htmlFor="workspace-search">Search the workspace</label>
        <input id="workspace-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name, SAN, kind…" />
      </div>
      <p role="status">{list.length === 0 ? 'The workspace is empty.' : `${shown.length} of ${list.length} items`}</p>
      <ul aria-label="Workspace items" className="cards workspace-items">
        {shown.map((item) => (
          <li key={item.id}>
            <h3>{item.name}</h3>
            <p className="meta">{describe(item, nameOf(item.parentId))}</p>
            <p className="meta">Added {new Date(item.createdAt).toLocaleString()}</p>
            <button type="button" className="danger" aria-label={`Delete ${item.name}`} onClick={() => setDoomed(item)}>Delete</button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={doomed !== undefined}
        title={`Delete ${doomed?.name ?? ''}?`}
        message={doomed?.keyPem ? 'Its private key is deleted too and cannot be recovered unless you exported it.' : 'This cannot be undone.'}
        confirm="Delete"
        onConfirm={() => { if (doomed) appStore.getState().removeItems([doomed.id]); setDoomed(undefined); }}
        onCancel={() => setDoomed(undefined)}
      />
    </>
  );
}
