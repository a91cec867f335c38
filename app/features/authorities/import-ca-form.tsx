/** Import an existing CA: certificate and key as PEM (the key may be encrypted), or one PKCS#12 file. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { readFileSmart } from '../../lib/read-file.ts';
import { appStore } from '../../store/index.ts';
import { callWorker, warmOnFirstFocus } from '../../worker/client.ts';
import type { ImportCaArgs } from '../../worker/pki-contract.ts';
import { useWorkerAction } from '../issuing/use-worker-action.ts';

/** This form's submit calls the worker's importCa: its code loads from the first focus in the form. */
const warmImportCa = warmOnFirstFocus('importCa');

export function ImportCaForm() {
  const [certText, setCertText] = useState('');
  const [p12, setP12] = useState<{ name: string; bytes: Uint8Array }>();
  const [keyText, setKeyText] = useState('');
  const [password, setPassword] = useState('');
  const importCa = useWorkerAction((args: ImportCaArgs) => callWorker('importCa', args), {
    cert: ['cert', 'certificate'],
    key: ['key', 'keyPem'],
    password: ['password'],
  });
  /** Checked here before the worker is asked: nothing to import. */
  const [missing, setMissing] = useState<string>();
  const [done, setDone] = useState<string>();

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    const data = await readFileSmart(file);
    if (typeof data === 'string') {
      setCertText(data);
      setP12(undefined);
    } else setP12({ name: file.name, bytes: data });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(undefined);
    setDone(undefined);
    if (!p12 && !certText.trim()) {
      importCa.clear();
      setMissing('Paste the CA certificate (PEM) or choose a PKCS#12 file.');
      return;
    }
    const result = await importCa.run({
      cert: p12 ? p12.bytes : certText,
      ...(keyText.trim() ? { keyPem: keyText } : {}),
      ...(password ? { password } : {}),
    });
    if (!result) return;
    const name = result.meta.subject?.replace(/^.*CN=([^,]+).*$/, '$1') ?? 'Imported CA';
    appStore.getState().addItems([
      {
        kind: 'ca',
        name,
        pem: result.certPem,
        keyPem: result.keyPem,
        ...(result.chainPem ? { chainPem: result.chainPem } : {}),
        meta: { ...result.meta, ...(p12 ? { source: p12.name } : {}) },
      },
    ]);
    setDone(`Imported ${name}.`);
    setCertText('');
    setKeyText('');
    setPassword('');
    setP12(undefined);
  };

  return (
    <form aria-label="Import a CA" onSubmit={(e) => void submit(e)} onFocus={warmImportCa} noValidate>
      <h3>Import a CA</h3>
      <p className="why">
        Bring a CA you already have, to issue from it here. Its key stays in this browser's workspace.
      </p>
      <Field
        label="CA certificate"
        error={missing ?? importCa.fieldError('cert')}
        hint="PEM text; the chain above it may follow."
      >
        {(p) => (
          <textarea
            {...p}
            rows={4}
            value={certText}
            onChange={(e) => setCertText(e.target.value)}
            spellCheck={false}
            disabled={Boolean(p12)}
          />
        )}
      </Field>
      <Field label="Certificate or PKCS#12 file" hint={p12 ? `Using ${p12.name}.` : '.crt, .pem, .p12 or .pfx'}>
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".crt,.pem,.cer,.p12,.pfx"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        )}
      </Field>
      <Field
        label="CA private key"
        error={importCa.fieldError('key')}
        hint="PEM (PKCS#8, PKCS#1 or SEC1), plain or encrypted. Not needed for PKCS#12."
      >
        {(p) => (
          <textarea
            {...p}
            rows={4}
            value={keyText}
            onChange={(e) => setKeyText(e.target.value)}
            spellCheck={false}
            disabled={Boolean(p12)}
          />
        )}
      </Field>
      <Field label="Password" error={importCa.fieldError('password')} hint="For an encrypted key or a PKCS#12 file.">
        {(p) => (
          <input
            {...p}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      {importCa.formError && (
        <p className="error" role="alert">
          {importCa.formError}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <button type="submit" disabled={importCa.busy}>
        {importCa.busy ? 'Importing…' : 'Import CA'}
      </button>
    </form>
  );
}
