/**
 * The three ways to add a CA (create a root, create an intermediate, import one), one shown at a
 * time behind a row of toggles, so the view has one primary button at most. With no CA yet the
 * root form is open: it is the first step. Once CAs exist the forms start closed below the tree.
 * A form stays open after it succeeds, so its result stays in view.
 */
import { useState } from 'react';
import { CreateCaForm } from './create-ca-form.tsx';
import { ImportCaForm } from './import-ca-form.tsx';

type Way = 'root' | 'intermediate' | 'import';

const WAYS: { id: Way; label: string }[] = [
  { id: 'root', label: 'New root CA' },
  { id: 'intermediate', label: 'New intermediate CA' },
  { id: 'import', label: 'Import a CA' },
];

export function AddCa({ hasCa }: { hasCa: boolean }) {
  // Decided once, when the view opens: the first root made here must not close its own form.
  const [open, setOpen] = useState<Way | undefined>(hasCa ? undefined : 'root');
  return (
    <>
      <div className="actions add-ca__ways" role="group" aria-label="Add a CA">
        {WAYS.map((w) => (
          <button
            key={w.id}
            type="button"
            aria-expanded={open === w.id}
            aria-controls={`add-ca-${w.id}`}
            onClick={() => setOpen(open === w.id ? undefined : w.id)}
          >
            {w.label}
          </button>
        ))}
      </div>
      {WAYS.map((w) => (
        <div key={w.id} id={`add-ca-${w.id}`} className="add-ca__panel" hidden={open !== w.id}>
          {open === w.id && (w.id === 'import' ? <ImportCaForm /> : <CreateCaForm kind={w.id} />)}
        </div>
      ))}
    </>
  );
}
