/** Which TLS clients accept a leaf: one line per client, its reason and the fix in plain words. */
import { useId } from 'react';
import type { ClientLine } from '../../pki/index.ts';

export function ClientMatrix({ clients }: { clients: readonly ClientLine[] }) {
  const headingId = useId();
  if (clients.length === 0) return null;
  return (
    <div className="clients">
      <h5 id={headingId} className="clients__title">
        Per TLS client
      </h5>
      <ul className="clients__list" aria-labelledby={headingId}>
        {clients.map((c) => (
          <li key={c.id} className={c.accepts ? 'client client--ok' : 'client client--bad'}>
            <span className="client__verdict">
              <strong>{c.name}</strong>: {c.accepts ? 'accepts' : `refuses — ${c.reasons.join('; ')}`}
            </span>
            {c.fixes.length > 0 && <span className="client__fix">Fix: {c.fixes.join('; ')}.</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
