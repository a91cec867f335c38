/** Export the whole workspace to one file (optionally encrypted) and import such a file back. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { download } from '../../lib/download.ts';
import { appStore, keysUnlocked, selectItemList, type WorkspaceItem } from '../../store/index.ts';
import { callWorker } from '../../worker/client.ts';
import { useWorkerAction } from '../issuing/use-worker-action.ts';

export function ExportWorkspaceForm() {
  const [passphrase, setPassphrase] = useState('');
  const exportWorkspace = useWorkerAction(
    (args: { items: WorkspaceItem[]; passphrase?: string }) => callWorker('exportWorkspace', args),
    { passphrase: ['passphrase', 'password'] },
  );
  const [message, setMessage] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    if (!(await keysUnlocked('Exporting the workspace'))) return; // the file holds the keys
    const items = selectItemList(appStore.getState());
    const text = await exportWorkspace.run({ items, ...(passphrase ? { passphrase } : {}) });
    if (text === undefined) return;
    download(`certbench-workspace-${new Date().toISOString().slice(0, 10)}.json`, text, 'application/json');
    setMessage(`Exported ${items.length} items${passphrase ? ', encrypted' : ''}.`);
  };
  return (
    <form aria-label="Export the workspace" onSubmit={(e) => void submit(e)}>
      <h3>Export the workspace</h3>
      <Field
        label="Passphrase"
        error={exportWorkspace.fieldError('passphrase')}
        hint="Optional but wise: the file holds private keys. Encrypted with PBES2 (PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256)."
      >
        {(p) => (
          <input
            {...p}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="new-password"
          />
        )}
      </Field>
      <button type="submit" disabled={exportWorkspace.busy}>
        {exportWorkspace.busy ? 'Exporting…' : 'Export workspace'}
      </button>
      {exportWorkspace.formError && (
        <p className="error" role="alert">
          {exportWorkspace.formError}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function ImportWorkspaceForm() {
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const importWorkspace = useWorkerAction(
    async ({ file, passphrase }: { file: File; passphrase?: string }) =>
      callWorker('importWorkspace', { text: await file.text(), ...(passphrase ? { passphrase } : {}) }),
    { file: ['file'], passphrase: ['password'] },
  );
  /** Checked here before the worker is asked: no file chosen. */
  const [missing, setMissing] = useState<string>();
  const [message, setMessage] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(undefined);
    setMessage(undefined);
    if (!file) {
      importWorkspace.clear();
      setMissing('Choose a workspace file first.');
      return;
    }
    const read = await importWorkspace.run({ file, ...(passphrase ? { passphrase } : {}) });
    if (!read) return;
    const counts = appStore.getState().importItems(read.items);
    setMessage(
      `Imported ${counts.added} new, ${counts.replaced} updated; ${counts.kept} already here were newer${read.skipped ? `; ${read.skipped} damaged entries skipped` : ''}.`,
    );
  };
  return (
    <form aria-label="Import a workspace file" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Import a workspace file</h3>
      <Field
        label="Workspace file"
        error={missing ?? importWorkspace.fieldError('file')}
        hint="Items are added beside what is here; nothing is deleted."
      >
        {(p) => (
          <input {...p} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
        )}
      </Field>
      <Field label="Passphrase" error={importWorkspace.fieldError('passphrase')} hint="Only for an encrypted file.">
        {(p) => (
          <input
            {...p}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <button type="submit" className="secondary" disabled={importWorkspace.busy}>
        {importWorkspace.busy ? 'Importing…' : 'Import workspace'}
      </button>
      {importWorkspace.formError && (
        <p className="error" role="alert">
          {importWorkspace.formError}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
