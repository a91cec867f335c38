/**
 * What to inspect and how to judge it: files, pasted PEM, the password for PKCS#12 files and
 * encrypted keys, and the host and role a diagnosis is for.
 */
import type { InspectInput } from '../../flows/inspect-report.ts';
import { AddedFiles } from './added-files.tsx';
import type { InspectOptions } from './use-inspect.ts';

export interface InspectFormProps {
  options: InspectOptions;
  onChange: (options: InspectOptions) => void;
  onFiles: (files: File[]) => void;
  onInspect: () => void;
  onClear: () => void;
  busy: boolean;
  files: readonly InspectInput[];
}

export function InspectForm({ options, onChange, onFiles, onInspect, onClear, busy, files }: InspectFormProps) {
  const set = <K extends keyof InspectOptions>(key: K, value: InspectOptions[K]) =>
    onChange({ ...options, [key]: value });
  return (
    <form
      className="inspect-form"
      onSubmit={(e) => {
        e.preventDefault();
        onInspect();
      }}
    >
      <div className="field">
        <label htmlFor="inspect-files">Add files</label>
        <input
          id="inspect-files"
          type="file"
          multiple
          aria-describedby={files.length ? 'inspect-files-help inspect-files-added' : 'inspect-files-help'}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
        <p id="inspect-files-help" className="field__help">
          PEM, DER, PKCS#7 (.p7b) or PKCS#12 (.p12, .pfx); or drop files anywhere on this page.
        </p>
        <AddedFiles id="inspect-files-added" files={files} reading={busy} />
      </div>
      <div className="field">
        <label htmlFor="inspect-paste">Paste PEM</label>
        <p id="inspect-paste-help" className="field__help">
          Read as you paste; no need to press Inspect.
        </p>
        <textarea
          id="inspect-paste"
          aria-describedby="inspect-paste-help"
          rows={6}
          spellCheck={false}
          value={options.pasted}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={(e) => set('pasted', e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="inspect-password">Password</label>
        <input
          id="inspect-password"
          type="password"
          autoComplete="off"
          aria-describedby="inspect-password-help"
          value={options.password}
          onChange={(e) => set('password', e.currentTarget.value)}
        />
        <p id="inspect-password-help" className="field__help">
          Opens PKCS#12 files and encrypted keys. It stays in this page.
        </p>
      </div>
      <fieldset className="inspect-form__judge">
        <legend>Diagnose for</legend>
        <p className="field__help">
          Optional: the name a peer dials and the side the certificate plays. The diagnosis then says whether TLS would
          accept it, like openssl verify with -verify_hostname (or -verify_ip) and -purpose. A CRL added with the
          certificates is checked too (-crl_check).
        </p>
        <div className="field">
          <label htmlFor="inspect-host">Host name or IP address</label>
          <input
            id="inspect-host"
            type="text"
            spellCheck={false}
            autoCapitalize="off"
            placeholder="node1.example.internal or 10.0.0.1"
            value={options.host}
            onChange={(e) => set('host', e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="inspect-role">Role</label>
          <select
            id="inspect-role"
            value={options.role}
            onChange={(e) => set('role', e.currentTarget.value as InspectOptions['role'])}
          >
            <option value="">Any</option>
            <option value="server">Server (needs serverAuth)</option>
            <option value="client">Client (needs clientAuth)</option>
          </select>
        </div>
      </fieldset>
      <div className="inspect-form__actions">
        <button type="submit" disabled={busy}>
          Inspect
        </button>
        <button type="button" onClick={onClear}>
          Clear inputs
        </button>
      </div>
    </form>
  );
}
