/** Set a key lock: the passphrase twice, and plainly that it cannot be recovered. */
import { useState } from 'react';
import { appStore } from '../../store/index.ts';
import { mismatch, NewPassphraseFields, type NewPassphrase } from './new-passphrase-fields.tsx';
import { FormProblem } from './form-problem.tsx';
import { SubmitOrCancel } from './submit-or-cancel.tsx';
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
      <p className="hint">
        Copies saved before now may stay unencrypted in the browser&apos;s files until it compacts them; to leave none,
        export the workspace with a passphrase, clear this site&apos;s data, set the lock again, then import the file.
      </p>
      <p className="lock-warning">
        <strong>The passphrase cannot be recovered.</strong> certbench keeps no copy of it: forget it and the locked
        keys are lost. Export the workspace first if you want a backup.
      </p>
      <NewPassphraseFields
        label="Passphrase"
        value={next}
        onChange={action.edited(setNext)}
        error={action.errorOf('passphrase')}
        repeatError={action.errorOf('repeat')}
      />
      <FormProblem message={action.formError} />
      <SubmitOrCancel label="Lock the keys" busyLabel="Locking…" busy={action.busy} onCancel={onDone} />
    </form>
  );
}
