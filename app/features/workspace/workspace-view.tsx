/** The workspace: everything made or imported, kept in this browser, as an inventory; export, import, clear. */
import { useCallback, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Why } from '../../components/why.tsx';
import { appStore, useApp } from '../../store/index.ts';
import { ExportWorkspaceForm, ImportWorkspaceForm } from './workspace-file-forms.tsx';
import { Inventory } from './inventory.tsx';

/** How long a delete can be undone. */
const UNDO_MS = 60_000;

export function WorkspaceView() {
  const [confirmClear, setConfirmClear] = useState(false);
  const count = useApp((s) => Object.keys(s.items).length);
  const [message, setMessage] = useState<{ text: string; undo?: () => void }>();
  // Stable, so the inventory's memoised rows are not all redrawn when a message changes.
  const onMessage = useCallback(
    (text: string, undo?: () => void) => setMessage({ text, ...(undo ? { undo } : {}) }),
    [],
  );
  useEffect(() => {
    if (!message?.undo) return;
    const timer = setTimeout(() => setMessage((m) => (m === message ? { text: m.text } : m)), UNDO_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <section aria-labelledby="workspace-heading">
      <h2 id="workspace-heading">Workspace</h2>
      <Why>
        Kept in this browser's IndexedDB only, never sent anywhere. Other tabs see changes at once; export a file to
        move it or keep a backup.
      </Why>
      <p role="status" aria-live="polite" className="inventory-message">
        {message?.text}{' '}
        {message?.undo && (
          <button
            type="button"
            onClick={() => {
              message.undo?.();
              setMessage({ text: 'Restored.' });
            }}
          >
            Undo
          </button>
        )}
      </p>
      <Inventory onMessage={onMessage} />
      <div className="columns">
        <ExportWorkspaceForm />
        <ImportWorkspaceForm />
      </div>
      <h3>Start over</h3>
      <button type="button" className="danger" disabled={count === 0} onClick={() => setConfirmClear(true)}>
        Clear all
      </button>
      <ConfirmDialog
        open={confirmClear}
        title="Clear the whole workspace?"
        message={`All ${count} items, private keys included, are deleted from this browser. Export the workspace first if you may need them.`}
        confirm="Clear everything"
        onConfirm={() => {
          appStore.getState().clearWorkspace();
          setConfirmClear(false);
        }}
        onCancel={() => setConfirmClear(false)}
      />
    </section>
  );
}
