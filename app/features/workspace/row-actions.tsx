/**
 * The buttons of one inventory row: inspect (facts and PEM in place), download, renew, revoke
 * (with a reason), the CA's CRL, delete (listing what goes with it). Dialogs are mounted only
 * while open, so a thousand rows carry no thousand dialogs.
 */
import { useEffect, useRef, useState } from 'react';
import type { ItemStatus } from '../../flows/inventory/status.ts';
import { download, fileSafe } from '../../lib/download.ts';
import { formatSan, REVOCATION_REASONS, type RevocationReason } from '../../pki/light/index.ts';
import { appStore, type WorkspaceItem } from '../../store/index.ts';
import { errorMessage } from '../../worker/client.ts';
import {
  crlOf,
  deleteWithDependants,
  dependantItems,
  renewBundle,
  renewItem,
  revokeItem,
} from '../issuing/lifecycle-actions.ts';

export interface RowActionsProps {
  item: WorkspaceItem;
  status: ItemStatus;
  /** Say something in the view's status line; `undo` adds an Undo button beside it. */
  onMessage: (text: string, undo?: () => void) => void;
}

const REASONS = Object.keys(REVOCATION_REASONS) as RevocationReason[];

/** A modal <dialog> open while mounted. */
function Modal({ title, children, onClose }: { title: string; children: React.ReactNode; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-label={title} onCancel={onClose} onClose={onClose}>
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

function canSign(item: WorkspaceItem): boolean {
  const ca = item.parentId ? appStore.getState().items[item.parentId] : undefined;
  return !!ca?.keyPem;
}

export function RowActions({ item, status, onMessage }: RowActionsProps) {
  const [open, setOpen] = useState<'inspect' | 'revoke' | 'delete'>();
  const [reason, setReason] = useState<RevocationReason>('keyCompromise');
  const [busy, setBusy] = useState(false);
  const isCert = item.kind === 'certificate';
  const run = async (what: string, fn: () => Promise<string>) => {
    setBusy(true);
    try {
      onMessage(await fn());
    } catch (e) {
      onMessage(`${what} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const pemFile = () =>
    download(
      `${fileSafe(item.name)}.${item.kind === 'csr' ? 'csr' : item.kind === 'key' ? 'key' : 'crt'}`,
      item.pem + (item.chainPem ?? ''),
      'application/x-pem-file',
    );
  const close = () => setOpen(undefined);

  return (
    <span className="row-actions">
      <button
        type="button"
        aria-label={`Inspect ${item.name}`}
        aria-expanded={open === 'inspect'}
        onClick={() => setOpen(open === 'inspect' ? undefined : 'inspect')}
      >
        Inspect
      </button>
      {item.pem && (
        <button type="button" aria-label={`Download ${item.name}`} onClick={pemFile}>
          Download
        </button>
      )}
      {isCert && !status.superseded && (
        <button
          type="button"
          aria-label={`Renew ${item.name}`}
          disabled={busy || !canSign(item)}
          title={canSign(item) ? undefined : 'Its CA or the CA key is not in the workspace'}
          onClick={() =>
            void run('Renew', async () => {
              const made = await renewItem(item.id);
              return `Renewed ${item.name}: new serial ${made.meta.serial ?? ''}; the old certificate is kept, marked superseded.`;
            })
          }
        >
          Renew
        </button>
      )}
      {item.kind === 'bundle' && !status.superseded && (
        <button
          type="button"
          aria-label={`Renew cluster ${item.name}`}
          disabled={busy}
          onClick={() =>
            void run('Renew cluster', async () => {
              const made = await renewBundle(item.id);
              return `Renewed every certificate of ${item.name}: download "${made.name}" from Export. The old ones are kept, marked superseded.`;
            })
          }
        >
          Renew cluster
        </button>
      )}
      {isCert && !status.revoked && (
        <button
          type="button"
          aria-label={`Revoke ${item.name}`}
          disabled={busy || !item.parentId}
          onClick={() => setOpen('revoke')}
        >
          Revoke
        </button>
      )}
      {item.kind === 'ca' && item.keyPem && (
        <>
          <button
            type="button"
            aria-label={`Download CRL of ${item.name}`}
            disabled={busy}
            onClick={() =>
              void run('CRL', async () => {
                const crl = await crlOf(item.id);
                download(`${fileSafe(item.name)}.crl.pem`, crl.pem, 'application/pkix-crl');
                return `CRL number ${crl.crlNumber} of ${item.name} downloaded (next update ${crl.nextUpdate.slice(0, 10)}).`;
              })
            }
          >
            CRL
          </button>
          <button
            type="button"
            aria-label={`Download CRL of ${item.name} as DER`}
            disabled={busy}
            onClick={() =>
              void run('CRL', async () => {
                const crl = await crlOf(item.id);
                download(`${fileSafe(item.name)}.crl`, crl.der, 'application/pkix-crl');
                return `CRL number ${crl.crlNumber} of ${item.name} downloaded as DER.`;
              })
            }
          >
            CRL (DER)
          </button>
        </>
      )}
      <button type="button" className="danger" aria-label={`Delete ${item.name}`} onClick={() => setOpen('delete')}>
        Delete
      </button>

      {open === 'inspect' && (
        <Modal title={`Inspect ${item.name}`} onClose={close}>
          <dl className="facts">
            {[
              ['Subject', item.meta.subject],
              ['Issuer', item.meta.issuer],
              ['Serial', item.meta.serial],
              ['Not before', item.meta.notBefore],
              ['Not after', item.meta.notAfter],
              ['Key', item.meta.keyAlgorithm],
              ['SANs', item.meta.sans?.map(formatSan).join(', ')],
            ]
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <pre className="pem">{item.pem}</pre>
          <div className="actions">
            <button type="button" onClick={close} autoFocus>
              Close
            </button>
          </div>
        </Modal>
      )}

      {open === 'revoke' && (
        <Modal title={`Revoke ${item.name}?`} onClose={close}>
          <p>
            Its CA remembers the revocation; peers learn of it from the CA's next CRL (the CRL button on the CA's row).
          </p>
          <div className="field">
            <label htmlFor={`reason-${item.id}`}>Reason</label>
            <select
              id={`reason-${item.id}`}
              value={reason}
              onChange={(e) => setReason(e.target.value as RevocationReason)}
            >
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="button" onClick={close} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                close();
                void run('Revoke', async () => {
                  await revokeItem(item.id, reason);
                  return `Revoked ${item.name} (${reason}). Download its CA's CRL to publish it.`;
                });
              }}
            >
              Revoke
            </button>
          </div>
        </Modal>
      )}

      {open === 'delete' && <DeleteDialog item={item} onClose={close} onMessage={onMessage} />}
    </span>
  );
}

function DeleteDialog({
  item,
  onClose,
  onMessage,
}: {
  item: WorkspaceItem;
  onClose: () => void;
  onMessage: RowActionsProps['onMessage'];
}) {
  const dependants = dependantItems(item.id);
  return (
    <Modal title={`Delete ${item.name}?`} onClose={onClose}>
      {dependants.length > 0 ? (
        <>
          <p>{`These ${dependants.length} items depend on it and are deleted with it:`}</p>
          <ul aria-label="Deleted with it" className="dependants">
            {dependants.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{item.keyPem ? 'Its private key is deleted too.' : 'Nothing else depends on it.'}</p>
      )}
      <p className="meta">You can undo this for a while from the message above the table.</p>
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            const removed = deleteWithDependants(item.id);
            onClose();
            onMessage(
              `Deleted ${item.name}${removed.length > 1 ? ` and ${removed.length - 1} items that depended on it` : ''}.`,
              () => appStore.getState().restoreItems(removed),
            );
          }}
        >
          Delete
        </button>
      </div>
    </Modal>
  );
}
