/**
 * The key lock's dialog, opened from the header's control: set a passphrase when there is none,
 * unlock when locked, and when unlocked: Lock now, change the passphrase, remove the lock.
 */
import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { appStore, useApp } from '../../store/index.ts';
import { ChangePassphraseForm } from './change-passphrase-form.tsx';
import { RemoveLockForm } from './remove-lock-form.tsx';
import { SetLockForm } from './set-lock-form.tsx';
import { UnlockForm } from './unlock-form.tsx';

const TITLES = {
  off: 'Lock private keys with a passphrase',
  locked: 'Private keys are locked',
  unlocked: 'Private keys are unlocked',
} as const;

/** `onMessage`: what a form here reports; the dialog shows it, also once the lock is gone and this panel with it. */
function UnlockedPanel({ onDone, onMessage }: { onDone: () => void; onMessage: (message: string) => void }) {
  const [locking, setLocking] = useState(false);
  return (
    <>
      <p>
        The keys are stored encrypted and are open in this tab until you lock them or close the tab. Other open tabs ask
        for the passphrase on their own.
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={locking}
          onClick={() => {
            setLocking(true);
            void appStore
              .getState()
              .lockKeys()
              .finally(() => setLocking(false))
              .then(onDone);
          }}
        >
          {locking ? 'Locking…' : 'Lock now'}
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
      <details>
        <summary>Change the passphrase</summary>
        <ChangePassphraseForm onDone={onMessage} />
      </details>
      <details>
        <summary>Remove the lock</summary>
        <RemoveLockForm onDone={onMessage} />
      </details>
    </>
  );
}

/** Mounted only while open (ModalDialog is open for as long as it is mounted). */
export function LockDialog({ onClose }: { onClose: () => void }) {
  const status = useApp((s) => s.keyLock);
  const failures = useApp((s) => s.keyLockFailures);
  const [message, setMessage] = useState<string>();
  // A report belongs to the panel that made it: once the keys are locked again (Lock now, or
  // another tab), "Passphrase changed" above the unlock form would describe the wrong state.
  const [shownFor, setShownFor] = useState(status);
  if (shownFor !== status) {
    setShownFor(status);
    if (status === 'locked') setMessage(undefined);
  }
  const said = useRef<HTMLParagraphElement>(null);
  // A phone shows the dialog scrolled to the form that reported: bring the report into view.
  useEffect(() => {
    if (message) said.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  return (
    <ModalDialog title={TITLES[status]} onClose={onClose}>
      {failures.length > 0 && (
        <p className="error">
          The sealed key of {failures.join(', ')} would not open: its stored record is damaged. It stays locked.
        </p>
      )}
      <p role="status" className="lock-status" ref={said}>
        {message}
      </p>
      {status === 'off' && <SetLockForm onDone={onClose} />}
      {status === 'locked' && (
        <>
          <p>Certificates are listed as usual; issuing, signing and exporting with keys need them unlocked.</p>
          <UnlockForm onUnlocked={onClose} onCancel={onClose} />
        </>
      )}
      {status === 'unlocked' && <UnlockedPanel onDone={onClose} onMessage={setMessage} />}
    </ModalDialog>
  );
}
