/**
 * The header's key lock control: says whether private keys are stored in plaintext, locked or
 * unlocked, and opens the lock dialog. Also mounts the unlock prompt actions raise.
 */
import { useState } from 'react';
import { useApp } from '../../store/index.ts';
import { LockDialog } from './lock-dialog.tsx';
import { LockIcon } from './lock-icon.tsx';
import { UnlockPrompt } from './unlock-prompt.tsx';
import { wrapLockKeysInWorker } from './worker-wrapping.ts';
import './lock.css';

wrapLockKeysInWorker();

const LABELS = {
  off: 'Keys not locked',
  locked: 'Keys locked',
  unlocked: 'Keys unlocked',
} as const;

export function LockControl() {
  const status = useApp((s) => s.keyLock);
  const hydrated = useApp((s) => s.hydrated);
  const [open, setOpen] = useState(false);
  return (
    <div className="key-lock-control">
      <button
        type="button"
        className={`key-lock-button ${status}`}
        aria-haspopup="dialog"
        disabled={!hydrated}
        onClick={() => setOpen(true)}
      >
        <LockIcon open={status !== 'locked'} /> {LABELS[status]}
      </button>
      {open && <LockDialog onClose={() => setOpen(false)} />}
      <UnlockPrompt />
    </div>
  );
}
