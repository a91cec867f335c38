/** Export the whole workspace to one file (optionally encrypted) and import such a file back. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { download } from '../../lib/download.ts';
import { appStore, selectItemList } from '../../store/index.ts';
import { callWorker, WorkerCallError } from '../../worker/client.ts';

export function ExportWorkspaceForm() {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    setFailure(undefined);
    try {
      const items = selectItemList(appStore.getState());
      const text = await callWorker('exportWorkspace', { items, ...(passphrase ? { passphrase } : {}) });
      download(`certbench-workspace-${new Date().toISOString().slice(0, 10)}.json`, text, 'application/json');
      setMessage(`Exported ${items.length} items${passphrase ? ', encrypted' : ''}.`);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form aria-label="Export the workspace" onSubmit={(e) => void submit(e)}>
      <h3>Export the workspace</h3>
      <Field
        label="Passphrase"
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
      <button type="submit" disabled={busy}>
        {busy ? 'Exporting…' : 'Export workspace'}
      </button>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function ImportWorkspaceForm() {
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ field: string; message: string }>();
  const [message, setMessage] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setMessage(undefined);
    if (!file) {
      setFailure({ field: 'file', message: 'Choose a workspace file first.' });
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const read = await callWorker('importWorkspace', { text, ...(passphrase ? { passphrase } : {}) });
      const counts = appStore.getState().importItems(read.items);
      setMessage(
        `Imported ${counts.added} new, ${counts.replaced} updated; ${counts.kept} already here were newer${read.skipped ? `; ${read.skipped} damaged entries skipped` : ''}.`,
      );
    } catch (e) {
      setFailure(
        e instanceof WorkerCallError ? { field: e.field, message: e.message } : { field: '', message: String(e) },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form aria-label="Import a workspace file" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Import a workspace file</h3>
      <Field
        label="Workspace file"
        error={failure?.field === 'file' ? failure.message : undefined}
        hint="Items are added beside what is here; nothing is deleted."
      >
        {(p) => (
          <input {...p} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
        )}
      </Field>
      <Field
        label="Passphrase"
        error={failure?.field === 'password' ? failure.message : undefined}
        hint="Only for an encrypted file."
      >
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
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? 'Importing…' : 'Import workspace'}
      </button>
      {failure && !['file', 'password'].includes(failure.field) && (
        <p className="error" role="alert">
          {failure.message}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
