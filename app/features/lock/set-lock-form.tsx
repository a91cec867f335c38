/** Set a key lock: the passphrase twice, and plainly that it cannot be recovered. */
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { mismatch, NewPassphraseFields, type NewPassphrase } from './new-passphrase-fields.tsx';
import { useLockAction } from './use-lock-action.ts';

export function SetLockForm({ onDone }: { onDone: () => void }) {
  const [next, setNext] = useState<NewPassphrase>({ value: '', repeat: '' });
  const action = useLockAction(['passphrase', 'repeat'] as const);
  return (
    <form
      className="lock-form"
      onSubmit={(e) => {
        e.preventDefault();
        const differ = mismatch(next);
        if (differ) return action.fail('repeat', differ);
        void action.run(() => appStore.getState().setKeyPassphrase(next.value)).then((ok) => ok && onDone());
      }}
    >
      <p>
        Today the private keys of this workspace are stored in this browser unencrypted. With a passphrase they are
        stored encrypted, and after each reload they stay locked until you unlock them; certificates stay visible.
      </p>
      <p className="lock-warning">
        <strong>The passphrase cannot be recovered.</strong> certbench keeps no copy of it: forget it and the locked
        keys are lost. Export the workspace first if you want a backup.
      </p>
      <NewPassphraseFields
        label="Passphrase"
        value={next}
        onChange={(v) => {
          setNext(v);
          action.clear();
        }}
        error={action.errorOf('passphrase')}
        repeatError={action.errorOf('repeat')}
      />
      {action.formError && (
        <p className="error" role="alert">
          {action.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Locking…' : 'Lock the keys'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
