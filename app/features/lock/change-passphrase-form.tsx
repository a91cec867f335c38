/** Change the passphrase: the current one, then the new one twice. Only the lock is re-encrypted. */
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { mismatch, NewPassphraseFields, type NewPassphrase } from './new-passphrase-fields.tsx';
import { PassphraseField } from './passphrase-field.tsx';
import { FormProblem } from './form-problem.tsx';
import { useLockAction } from './use-lock-action.ts';

export function ChangePassphraseForm({ onDone }: { onDone: (message: string) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>({ value: '', repeat: '' });
  const action = useLockAction(['password', 'newPassphrase', 'repeat'] as const);
  return (
    <form
      className="lock-form"
      aria-label="Change the passphrase"
      onSubmit={(e) => {
        e.preventDefault();
        const differ = mismatch(next);
        if (differ) return action.fail('repeat', differ);
        void action
          .run(() => appStore.getState().changeKeyPassphrase(current, next.value))
          .then((ok) => ok && onDone('The passphrase is changed. The old one no longer unlocks the keys.'));
      }}
    >
      <PassphraseField
        label="Current passphrase"
        value={current}
        onChange={action.edited(setCurrent)}
        autoComplete="current-password"
        error={action.errorOf('password')}
      />
      <NewPassphraseFields
        label="New passphrase"
        value={next}
        onChange={action.edited(setNext)}
        error={action.errorOf('newPassphrase')}
        repeatError={action.errorOf('repeat')}
      />
      <FormProblem message={action.formError} />
      <button type="submit" className="secondary" disabled={action.busy}>
        {action.busy ? 'Changing…' : 'Change the passphrase'}
      </button>
    </form>
  );
}
