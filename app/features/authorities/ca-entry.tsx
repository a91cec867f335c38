/** One CA of the tree: its name and status, what it is, its actions, and what it issued. */
import { useId, useMemo } from 'react';
import { StatusBadges } from '../../components/status-badges.tsx';
import { itemStatus } from '../../flows/inventory/index.ts';
import { childrenOf, hasPrivateKey, useApp, type WorkspaceItem } from '../../store/index.ts';
import { CaActions, type Say } from './ca-actions.tsx';

function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '?';
}

/** "Root" or "Intermediate under X", the key, the end of validity, what the CA cannot do here. */
function describe(ca: WorkspaceItem, parent: WorkspaceItem | undefined): string {
  const revoked = ca.meta.revocations?.revoked.length ?? 0;
  return [
    ca.meta.profile === 'intermediate' || ca.parentId
      ? `Intermediate under ${parent?.name ?? 'a CA no longer in the workspace'}`
      : 'Root',
    ca.meta.keyAlgorithm ?? 'key',
    `valid until ${day(ca.meta.notAfter)}`,
    ...(ca.meta.serial ? [`serial ${ca.meta.serial.slice(0, 8)}…`] : []),
    ...(revoked ? [`${revoked} revoked`] : []),
    ...(hasPrivateKey(ca) ? [] : ['no private key here (cannot issue)']),
  ].join(' · ');
}

export function CaEntry({ ca, onMessage }: { ca: WorkspaceItem; onMessage: Say }) {
  const headingId = useId();
  const items = useApp((s) => s.items);
  const parent = ca.parentId ? items[ca.parentId] : undefined;
  const status = useMemo(() => itemStatus(ca, new Map(Object.entries(items)), new Date()), [ca, items]);
  // A bundle names its CA as parent but is not something the CA signed; sub-CAs show in the tree.
  const issued = useMemo(
    () => childrenOf(items, ca.id).filter((c) => c.kind !== 'bundle' && c.kind !== 'ca'),
    [items, ca.id],
  );
  return (
    <article className="ca-entry" aria-labelledby={headingId}>
      <div className="ca-entry__head">
        <h4 id={headingId}>{ca.name}</h4>
        <StatusBadges status={status} />
      </div>
      <p className="meta">{describe(ca, parent)}</p>
      <CaActions ca={ca} parent={parent} revoked={status.revoked} onMessage={onMessage} />
      {issued.length > 0 && (
        <details className="ca-entry__issued">
          <summary>{issued.length} issued</summary>
          <ul aria-label={`Issued by ${ca.name}`}>
            {issued.map((c) => (
              <li key={c.id}>
                {c.name}{' '}
                <span className="meta">
                  ({c.meta.profile ?? c.kind}, until {day(c.meta.notAfter)})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
