/**
 * "Your clusters": every cluster bundle the workspace holds, also after a reload, each with its
 * target, its nodes and clients, when its first certificate ends, and two actions: download the
 * zip again (the bundle's own layout and Cassandra file form, as the Cluster view made it; a
 * PKCS#12 store password is asked for again, never kept) and renew the whole cluster
 * (every node and client, the same names, a new bundle for the same target; the old certificates
 * and bundle stay in the workspace, shown superseded, until the user deletes them).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { expiryOf, isSuperseded, naturalCompare } from '../../flows/inventory/index.ts';
import { StatusBadges } from '../../components/status-badges.tsx';
import { useApp, type WorkspaceItem } from '../../store/index.ts';
import { isTargetId, targetById } from '../../targets/index.ts';
import { useReportedRun } from '../issuing/use-reported-run.ts';
import { needsStorePassword } from './saved-layout.ts';
import { StorePasswordDialog } from './store-password-dialog.tsx';
import './cluster-list.css';
import { plural } from '../../text/plural.ts';

/** What the list shows of one bundle, computed from the workspace. */
interface ClusterEntry {
  bundle: WorkspaceItem;
  target: string;
  nodes: number;
  clients: number;
  /** Renewed: its successor bundle is still in the workspace. */
  superseded: boolean;
  /** The earliest notAfter of its certificates (ISO), if any. */
  firstEnd?: string;
}

function clusterEntries(items: Record<string, WorkspaceItem>): ClusterEntry[] {
  return Object.values(items)
    .filter((i) => i.kind === 'bundle')
    .map((bundle) => {
      const members = (bundle.meta.members ?? []).flatMap((id) => (items[id] ? [items[id]] : []));
      const leaves = members.filter((m) => m.kind === 'certificate');
      const ends = leaves.flatMap((l) => (l.meta.notAfter ? [l.meta.notAfter] : [])).sort();
      const target = bundle.meta.target;
      return {
        bundle,
        target:
          (target && isTargetId(target) ? targetById(target).label : (bundle.meta.layout ?? 'generic')) +
          (needsStorePassword(bundle) ? ' with PKCS#12 stores' : ''),
        nodes: leaves.filter((l) => l.meta.profile !== 'client').length,
        clients: leaves.filter((l) => l.meta.profile === 'client').length,
        superseded: isSuperseded(bundle, (id) => id in items),
        ...(ends[0] ? { firstEnd: ends[0] } : {}),
      };
    })
    .sort((a, b) => Number(a.superseded) - Number(b.superseded) || naturalCompare(a.bundle.name, b.bundle.name));
}

export function ClusterList() {
  // Deferred: a cluster of a thousand nodes saved is listed in a render of its own, not in the
  // task that stores it.
  const items = useDeferredValue(useApp((s) => s.items));
  const hydrated = useApp((s) => s.hydrated);
  const entries = useMemo(() => clusterEntries(items), [items]);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const [now] = useState(() => new Date());
  /** The PKCS#12 cluster whose store password is being asked for. */
  const [asking, setAsking] = useState<WorkspaceItem>();
  const reported = useReportedRun(
    (text) => setMessage({ text, failed: false }),
    (text) => setMessage({ text, failed: true }),
  );
  const busy = reported.busy;
  const run = (what: string, action: () => Promise<string>) => {
    setMessage(undefined);
    void reported.run(what, action);
  };
  const downloadAgain = (bundle: WorkspaceItem, storePassword?: string) =>
    run('Download', async () => (await import('./bundle-download.ts')).downloadBundleAgain(bundle.id, storePassword));

  if (!hydrated || entries.length === 0) return null;
  return (
    <section aria-labelledby="cluster-list-heading" className="cluster-list">
      <h3 id="cluster-list-heading">Your clusters</h3>
      <p className="hint">
        Every cluster made here stays in this browser's workspace. Renew one before its certificates end: every node and
        client gets a new certificate and key under the same CA, with the same names, in a new bundle for the same
        target; the old ones stay in the workspace, marked superseded. The zips hold private keys unencrypted, as the
        services read them, except Cassandra's PKCS#12 stores: those are under a store password that certbench does not
        keep, so it is asked for again at each download.
      </p>
      <ul aria-label="Your clusters">
        {entries.map(({ bundle, target, nodes, clients, superseded, firstEnd }) => {
          const status = { ...(firstEnd ? expiryOf(firstEnd, now) : {}), revoked: false, superseded };
          return (
            <li key={bundle.id} aria-label={bundle.name} className="cluster-list__item">
              <div>
                <strong>{bundle.name}</strong>{' '}
                <span className="meta">
                  {target}: {plural(nodes, 'node')}, {plural(clients, 'client')}
                  {firstEnd ? `, first certificate ends ${firstEnd.slice(0, 10)}` : ''}
                </span>{' '}
                <StatusBadges status={status} />
              </div>
              <div className="actions">
                <button
                  type="button"
                  aria-label={`Download ${bundle.name}`}
                  disabled={busy}
                  onClick={() => (needsStorePassword(bundle) ? setAsking(bundle) : downloadAgain(bundle))}
                >
                  Download again
                </button>
                {!superseded && (
                  <button
                    type="button"
                    aria-label={`Renew cluster ${bundle.name}`}
                    disabled={busy}
                    onClick={() =>
                      run('Renew', async () => {
                        const { renewBundle } = await import('../issuing/lifecycle-actions.ts');
                        const made = await renewBundle(bundle.id);
                        return `Renewed every certificate of ${bundle.name}: "${made.name}" is listed here, ready to download. The old certificates are kept, marked superseded.`;
                      })
                    }
                  >
                    Renew cluster
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p role="status">{busy ? 'Working…' : message && !message.failed ? message.text : ''}</p>
      {asking && (
        <StorePasswordDialog
          name={asking.name}
          onClose={() => setAsking(undefined)}
          onDownload={(password) => {
            setAsking(undefined);
            downloadAgain(asking, password);
          }}
        />
      )}
      {message?.failed && (
        <p role="alert" className="error">
          {message.text}
        </p>
      )}
    </section>
  );
}
