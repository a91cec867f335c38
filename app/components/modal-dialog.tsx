/**
 * A native modal <dialog>, open for as long as it is mounted: render it only while the question is
 * asked, so a list of a thousand rows carries no thousand dialogs. Escape and the dialog's own
 * close both call `onClose`. The title is its h2 and names the dialog. Focus goes to the element
 * marked `data-autofocus` (Cancel, in a dialog that destroys something), else to the first control
 * as showModal() chooses: React's autoFocus runs before showModal and would be overridden.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

export function ModalDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d || d.open) return;
    d.showModal();
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  return (
    <dialog ref={ref} className="modal-dialog" aria-labelledby={`${id}-title`} onCancel={onClose} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </dialog>
  );
}
