/**
 * Ask for a reason before revoking a certificate or a CA; mounted only while open (a modal
 * <dialog>). `issuer` names the CA that remembers the revocation and publishes it in its CRL.
 */
import { useId, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { REVOCATION_REASONS, type RevocationReason } from '../../pki/light/index.ts';

const REASONS = Object.keys(REVOCATION_REASONS) as RevocationReason[];

export function RevokeDialog({
  name,
  issuer,
  isCa,
  onRevoke,
  onClose,
}: {
  name: string;
  issuer: string;
  /** A CA's revocation takes down all it issued, for clients that check the CRL; the default reason follows. */
  isCa: boolean;
  onRevoke: (reason: RevocationReason) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState<RevocationReason>(isCa ? 'caCompromise' : 'keyCompromise');
  return (
    <ModalDialog title={`Revoke ${name}?`} onClose={onClose}>
      <p>
        {issuer} remembers the revocation; clients learn of it from {issuer}'s next CRL.
        {isCa && ` Everything ${name} issued stops validating for clients that check that CRL.`}
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as RevocationReason)}>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => onRevoke(reason)}>
          Revoke {name}
        </button>
      </div>
    </ModalDialog>
  );
}
