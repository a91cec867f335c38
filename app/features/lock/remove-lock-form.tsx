/** Remove the lock: the keys are stored unencrypted again, after the passphrase is given once more. */
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { PassphraseField } from './passphrase-field.tsx';
import { FormProblem } from './form-problem.tsx';
import { useLockAction } from './use-lock-action.ts';

export function RemoveLockForm({ onDone }: { onDone: (message: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const action = useLockAction(['password'] as const);
  return (
    <form
      className="lock-form"
      aria-label="Remove the lock"
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() => appStore.getState().removeKeyLock(passphrase))
          .then((ok) => ok && onDone('The lock is removed: the private keys are stored unencrypted in this browser.'));
      }}
    >
      <p className="hint">The private keys will be stored in this browser unencrypted, as before the lock.</p>
      <PassphraseField
        label="Passphrase"
        value={passphrase}
        onChange={action.edited(setPassphrase)}
        autoComplete="current-password"
        error={action.errorOf('password')}
      />
      <FormProblem message={action.formError} />
      <button type="submit" className="danger" disabled={action.busy}>
        {action.busy ? 'Removing…' : 'Remove the lock'}
      </button>
    </form>
  );
}
