/**
 * A native modal <dialog>, open for as long as it is mounted: render it only while the question is
 * asked, so a list of a thousand rows carries no thousand dialogs. Escape and the dialog's own
 * close both call `onClose`. The title is its h2 and names the dialog.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ModalDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} onCancel={onClose} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </dialog>
  );
}
