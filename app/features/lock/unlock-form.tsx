/**
 * Unlock the private keys for this session: one passphrase field, the wrong-passphrase message
 * beside it, nothing lost on a mistake. Used by the lock dialog and by the prompt an action raises.
 */
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { PassphraseField } from './passphrase-field.tsx';
import { FormProblem } from './form-problem.tsx';
import { SubmitOrCancel } from './submit-or-cancel.tsx';
import { useLockAction } from './use-lock-action.ts';

export function UnlockForm({ onUnlocked, onCancel }: { onUnlocked?: () => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const action = useLockAction(['password'] as const);
  return (
    <form
      className="lock-form"
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() => appStore.getState().unlockKeys(passphrase))
          .then((ok) => {
            if (!ok) return;
            setPassphrase('');
            onUnlocked?.();
          });
      }}
    >
      <PassphraseField
        label="Passphrase"
        value={passphrase}
        onChange={action.edited(setPassphrase)}
        autoComplete="current-password"
        error={action.errorOf('password')}
      />
      <FormProblem message={action.formError} />
      <SubmitOrCancel label="Unlock" busyLabel="Unlocking…" busy={action.busy} onCancel={onCancel} />
    </form>
  );
}
