/**
 * The prompt an action raises when it needs a private key and the keys are locked
 * (store requestUnlock / withKey): says what is waiting, asks once, and lets the action go on
 * when the keys open, or refuses it (UnlockCancelled) when the user cancels.
 */
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { appStore, useApp } from '../../store/index.ts';
import { UnlockForm } from './unlock-form.tsx';

export function UnlockPrompt() {
  const request = useApp((s) => s.unlockRequest);
  if (!request) return null;
  const cancel = () => appStore.getState().cancelUnlock();
  return (
    <ModalDialog title="Unlock private keys" onClose={cancel}>
      <p>
        <strong>{request.purpose}</strong> needs a private key, and the keys in this workspace are locked with a
        passphrase. Unlocked, they stay open in this tab until you lock them or close it.
      </p>
      <UnlockForm onCancel={cancel} />
    </ModalDialog>
  );
}
