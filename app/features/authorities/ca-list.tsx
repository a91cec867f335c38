/** Every CA in the workspace with what it issued. */
import { useMemo } from 'react';
import { childrenOf, selectItemList, useApp } from '../../store/index.ts';

function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '?';
}

export function CaList() {
  const list = useApp(selectItemList);
  const items = useApp((s) => s.items);
  const cas = useMemo(() => list.filter((i) => i.kind === 'ca').reverse(), [list]);
  if (cas.length === 0) return <p>No CA yet. Create a root above, or import one.</p>;
  return (
    <ul aria-label="Certificate authorities" className="cards">
      {cas.map((ca) => {
        // A bundle names its CA as parent but is not something the CA signed.
        const issued = childrenOf(items, ca.id).filter((c) => c.kind !== 'bundle');
        const parent = ca.parentId ? items[ca.parentId] : undefined;
        return (
          <li key={ca.id}>
            <h4>{ca.name}</h4>
            <p className="meta">
              {ca.meta.profile === 'intermediate' || parent
                ? `Intermediate under ${parent?.name ?? 'a CA no longer in the workspace'}`
                : 'Root'}
              {' · '}
              {ca.meta.keyAlgorithm ?? 'key'}
              {' · '}valid until {day(ca.meta.notAfter)}
              {ca.keyPem ? '' : ' · no private key (cannot issue)'}
            </p>
            {issued.length === 0 ? (
              <p className="meta">Nothing issued yet.</p>
            ) : (
              <details>
                <summary>{issued.length} issued</summary>
                <ul aria-label={`Issued by ${ca.name}`}>
                  {issued.map((c) => (
                    <li key={c.id}>
                      {c.name}{' '}
                      <span className="meta">
                        ({c.kind === 'ca' ? 'CA' : (c.meta.profile ?? c.kind)}, until {day(c.meta.notAfter)})
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
