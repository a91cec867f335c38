/**
 * The prompt an action raises when it needs a private key and the keys are locked
 * (store requestUnlock / withKey): says what is waiting, asks once, and lets the action go on
 * when the keys open, or refuses it (UnlockCancelled) when the user cancels.
 */
import { appStore, useApp } from '../../store/index.ts';
import { UnlockForm } from './unlock-form.tsx';
import { useModal } from './use-modal.ts';

export function UnlockPrompt() {
  const request = useApp((s) => s.unlockRequest);
  const ref = useModal(request !== undefined);
  const cancel = () => appStore.getState().cancelUnlock();
  return (
    <dialog
      ref={ref}
      className="lock-dialog"
      aria-labelledby="unlock-prompt-title"
      aria-describedby="unlock-prompt-why"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      {request && (
        <>
          <h2 id="unlock-prompt-title">Unlock private keys</h2>
          <p id="unlock-prompt-why">
            <strong>{request.purpose}</strong> needs a private key, and the keys in this workspace are locked with a
            passphrase. Unlocked, they stay open in this tab until you lock them or close it.
          </p>
          <UnlockForm onCancel={cancel} />
        </>
      )}
    </dialog>
  );
}
