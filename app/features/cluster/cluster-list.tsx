/**
 * "Your clusters": every cluster bundle the workspace holds, also after a reload, each with its
 * target, its nodes and clients, when its first certificate ends, and two actions: download the
 * zip again (the bundle's own layout, as the Cluster view made it) and renew the whole cluster
 * (every node and client, the same names, a new bundle for the same target; the old certificates
 * and bundle stay in the workspace, shown superseded, until the user deletes them).
 */
import { useMemo, useState } from 'react';
import { bundleFromWorkspace } from '../../flows/bundle-from-workspace.ts';
import { expiryOf, naturalCompare } from '../../flows/inventory/index.ts';
import { StatusBadges } from '../../components/status-badges.tsx';
import { isLayoutId } from '../../layouts/index.ts';
import { download, fileSafe } from '../../lib/download.ts';
import { useApp, type WorkspaceItem } from '../../store/index.ts';
import { isTargetId, targetById } from '../../targets/index.ts';
import { callWorker, errorMessage } from '../../worker/client.ts';
import { renewBundle } from '../issuing/lifecycle-actions.ts';
import './cluster-list.css';

/** What the list shows of one bundle, computed from the workspace. */
interface ClusterEntry {
  bundle: WorkspaceItem;
  target: string;
  nodes: number;
  clients: number;
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
        target: target && isTargetId(target) ? targetById(target).label : (bundle.meta.layout ?? 'generic'),
        nodes: leaves.filter((l) => l.meta.profile !== 'client').length,
        clients: leaves.filter((l) => l.meta.profile === 'client').length,
        ...(ends[0] ? { firstEnd: ends[0] } : {}),
      };
    })
    .sort(
      (a, b) =>
        Number(a.bundle.meta.supersededBy !== undefined) - Number(b.bundle.meta.supersededBy !== undefined) ||
        naturalCompare(a.bundle.name, b.bundle.name),
    );
}

/** Build the bundle's zip in the worker, in the layout it was made for, and save it. */
async function downloadBundle(items: Record<string, WorkspaceItem>, bundle: WorkspaceItem): Promise<string> {
  const built = bundleFromWorkspace(items, bundle);
  if (!built) throw new Error(`The CA of ${bundle.name} is no longer in the workspace.`);
  const layout = bundle.meta.layout && isLayoutId(bundle.meta.layout) ? bundle.meta.layout : 'generic';
  const out = await callWorker('exportBundle', { bundle: built.bundle, layout });
  download(`${fileSafe(bundle.name)}-${layout}.zip`, out.zip, 'application/zip');
  const left = built.skipped.length ? ` Left out (no private key in the workspace): ${built.skipped.join(', ')}.` : '';
  return `Downloaded ${bundle.name}: ${out.files.length} files.${left}`;
}

export function ClusterList() {
  const items = useApp((s) => s.items);
  const hydrated = useApp((s) => s.hydrated);
  const entries = useMemo(() => clusterEntries(items), [items]);
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const [now] = useState(() => new Date());

  const run = async (id: string, what: string, action: () => Promise<string>) => {
    setBusy(id);
    setMessage(undefined);
    try {
      setMessage({ text: await action(), failed: false });
    } catch (e) {
      setMessage({ text: `${what} failed: ${errorMessage(e)}`, failed: true });
    } finally {
      setBusy(undefined);
    }
  };

  if (!hydrated || entries.length === 0) return null;
  return (
    <section aria-labelledby="cluster-list-heading" className="cluster-list">
      <h3 id="cluster-list-heading">Your clusters</h3>
      <p className="hint">
        Every cluster made here stays in this browser's workspace. Renew one before its certificates end: every node and
        client gets a new certificate and key under the same CA, with the same names, in a new bundle for the same
        target; the old ones stay in the workspace, marked superseded. The zips hold private keys unencrypted, as the
        services read them.
      </p>
      <ul aria-label="Your clusters">
        {entries.map(({ bundle, target, nodes, clients, firstEnd }) => {
          const superseded = bundle.meta.supersededBy !== undefined;
          const status = { ...(firstEnd ? expiryOf(firstEnd, now) : {}), revoked: false, superseded };
          return (
            <li key={bundle.id} aria-label={bundle.name} className="cluster-list__item">
              <div>
                <strong>{bundle.name}</strong>{' '}
                <span className="meta">
                  {target}: {nodes} node{nodes === 1 ? '' : 's'}, {clients} client{clients === 1 ? '' : 's'}
                  {firstEnd ? `, first certificate ends ${firstEnd.slice(0, 10)}` : ''}
                </span>{' '}
                <StatusBadges status={status} />
              </div>
              <div className="actions">
                <button
                  type="button"
                  aria-label={`Download ${bundle.name}`}
                  disabled={busy !== undefined}
                  onClick={() => void run(bundle.id, 'Download', () => downloadBundle(items, bundle))}
                >
                  Download again
                </button>
                {!superseded && (
                  <button
                    type="button"
                    aria-label={`Renew cluster ${bundle.name}`}
                    disabled={busy !== undefined}
                    onClick={() =>
                      void run(bundle.id, 'Renew', async () => {
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
      {message?.failed && (
        <p role="alert" className="error">
          {message.text}
        </p>
      )}
    </section>
  );
}
