/** A padlock drawn in the text colour: shut when keys are locked or sealed, open when unlocked or not locked. */
export function LockIcon({ open }: { open: boolean }) {
  return (
    <svg className="key-lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      <path
        d={open ? 'M5 7V4.5a3 3 0 0 1 5.8-1.1' : 'M5 7V4.5a3 3 0 0 1 6 0V7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
    </svg>
  );
}
