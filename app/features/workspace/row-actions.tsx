/**
 * The buttons of one inventory row: inspect (facts and PEM in place), download, renew, revoke
 * (with a reason), the CA's CRL, delete (listing what goes with it). Dialogs are mounted only
 * while open, so a thousand rows carry no thousand dialogs.
 */
import { useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import type { ItemStatus } from '../../flows/inventory/status.ts';
import { download, fileSafe } from '../../lib/download.ts';
import { formatSan, type RevocationReason } from '../../pki/light/index.ts';
import { appStore, hasPrivateKey, type WorkspaceItem } from '../../store/index.ts';
import {
  deleteWithDependants,
  deletedText,
  downloadCrl,
  dependantItems,
  renewBundle,
  renewItem,
  revokeItem,
} from '../issuing/lifecycle-actions.ts';
import { RevokeDialog } from '../issuing/revoke-dialog.tsx';
import { useReportedRun } from '../issuing/use-reported-run.ts';

export interface RowActionsProps {
  item: WorkspaceItem;
  status: ItemStatus;
  /** Say something in the view's status line; `undo` adds an Undo button beside it. */
  onMessage: (text: string, undo?: () => void) => void;
}

/** The CA item that issued `item`, when the workspace holds it. */
function issuerOf(item: WorkspaceItem): WorkspaceItem | undefined {
  return item.parentId ? appStore.getState().items[item.parentId] : undefined;
}

export function RowActions({ item, status, onMessage }: RowActionsProps) {
  const [open, setOpen] = useState<'inspect' | 'revoke' | 'delete'>();
  const { busy, run } = useReportedRun(onMessage);
  const isCert = item.kind === 'certificate';
  const issuer = issuerOf(item);
  const canSign = hasPrivateKey(issuer);
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
          disabled={busy || !canSign}
          title={canSign ? undefined : 'Its CA or the CA key is not in the workspace'}
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
          disabled={busy || !canSign}
          title={canSign ? undefined : 'Its CA or the CA key is not in the workspace'}
          onClick={() => setOpen('revoke')}
        >
          Revoke
        </button>
      )}
      {item.kind === 'ca' && hasPrivateKey(item) && (
        <>
          <button
            type="button"
            aria-label={`Download CRL of ${item.name}`}
            disabled={busy}
            onClick={() => void run('CRL', () => downloadCrl(item.id, 'pem'))}
          >
            CRL
          </button>
          <button
            type="button"
            aria-label={`Download CRL of ${item.name} as DER`}
            disabled={busy}
            onClick={() => void run('CRL', () => downloadCrl(item.id, 'der'))}
          >
            CRL (DER)
          </button>
        </>
      )}
      <button type="button" className="danger" aria-label={`Delete ${item.name}`} onClick={() => setOpen('delete')}>
        Delete
      </button>

      {open === 'inspect' && (
        <ModalDialog title={`Inspect ${item.name}`} onClose={close}>
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
            <button type="button" onClick={close} data-autofocus>
              Close
            </button>
          </div>
        </ModalDialog>
      )}

      {open === 'revoke' && (
        <RevokeDialog
          name={item.name}
          issuer={issuer?.name ?? 'its CA'}
          isCa={false}
          onClose={close}
          onRevoke={(reason: RevocationReason) => {
            close();
            void run('Revoke', async () => {
              await revokeItem(item.id, reason);
              return `Revoked ${item.name} (${reason}). Download the CRL of ${issuer?.name ?? 'its CA'} to publish it.`;
            });
          }}
        />
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
    <ModalDialog title={`Delete ${item.name}?`} onClose={onClose}>
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
        <p>{hasPrivateKey(item) ? 'Its private key is deleted too.' : 'Nothing else depends on it.'}</p>
      )}
      <p className="meta">You can undo this for a while from the message above the table.</p>
      <div className="actions">
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            const removed = deleteWithDependants(item.id);
            onClose();
            onMessage(deletedText(item.name, removed), () => appStore.getState().restoreItems(removed));
          }}
        >
          Delete
        </button>
      </div>
    </ModalDialog>
  );
}
