/**
 * What one can do with a CA from the tree: issue from it (Issue opens with it chosen), download
 * its certificate, export its key (Export, where the key is encrypted by default and a plaintext
 * key needs the usual acknowledgement), publish its next CRL, and revoke it under its issuer.
 * Revocation and CRLs run the same code as the workspace inventory's rows.
 */
import { useState } from 'react';
import { download, fileSafe } from '../../lib/download.ts';
import { hrefFor } from '../../lib/hash-route.ts';
import type { RevocationReason } from '../../pki/light/index.ts';
import { hasPrivateKey, type WorkspaceItem } from '../../store/index.ts';
import { downloadCrl, revokeItem } from '../issuing/lifecycle-actions.ts';
import { RevokeDialog } from '../issuing/revoke-dialog.tsx';
import { useReportedRun } from '../issuing/use-reported-run.ts';

/** Say something in the view's status line. */
export type Say = (text: string) => void;

export function CaActions({
  ca,
  parent,
  revoked,
  onMessage,
}: {
  ca: WorkspaceItem;
  /** The CA that issued this one, when it is in the workspace. */
  parent: WorkspaceItem | undefined;
  revoked: boolean;
  onMessage: Say;
}) {
  const { busy, run } = useReportedRun(onMessage);
  const [revoking, setRevoking] = useState(false);
  const publishCrl = () => run('Publishing the CRL', () => downloadCrl(ca.id, 'pem'));
  const revoke = (reason: RevocationReason) =>
    run('Revoking', async () => {
      await revokeItem(ca.id, reason);
      return `Revoked ${ca.name} (${reason}). Publish the CRL of ${parent?.name ?? 'its issuer'} so clients learn of it.`;
    });

  return (
    <div className="actions ca-actions">
      {hasPrivateKey(ca) && (
        <a className="button-link" href={hrefFor('issue', { ca: ca.id })}>
          Issue from here
        </a>
      )}
      <button
        type="button"
        onClick={() => download(`${fileSafe(ca.name)}.crt`, ca.pem + (ca.chainPem ?? ''), 'application/x-pem-file')}
      >
        {ca.chainPem ? 'Download certificate and chain' : 'Download certificate'}
      </button>
      {hasPrivateKey(ca) && (
        <a className="button-link" href={hrefFor('export', { item: ca.id, part: 'key' })}>
          Export the key…
        </a>
      )}
      {hasPrivateKey(ca) && (
        <button type="button" disabled={busy} onClick={() => void publishCrl()}>
          Publish CRL
        </button>
      )}
      {hasPrivateKey(parent) && !revoked && (
        <button type="button" className="danger" disabled={busy} onClick={() => setRevoking(true)}>
          Revoke…
        </button>
      )}
      {revoking && (
        <RevokeDialog
          isCa
          name={ca.name}
          issuer={parent?.name ?? 'its issuer'}
          onClose={() => setRevoking(false)}
          onRevoke={(reason) => {
            setRevoking(false);
            void revoke(reason);
          }}
        />
      )}
    </div>
  );
}
