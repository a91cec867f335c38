/**
 * Download a PKCS#12 file: a keystore (key, certificate, chain) for a certificate whose key the
 * workspace holds, or a truststore (CA certificates only) for a CA. Java's keytool and OpenSSL
 * open both with the chosen password.
 */
import { useId, useState } from 'react';
import { download } from '../../lib/download.ts';
import { plural } from '../../text/plural.ts';
import { safeFileName } from './file-name.ts';
import { messageOf, runExport } from './run-export.ts';

export interface Pkcs12ExportProps {
  name: string;
  certPem: string;
  keyPem?: string;
  chainPem?: string;
  /** A CA can be put in a truststore. */
  isCA: boolean;
}

export function Pkcs12Export({ name, certPem, keyPem, chainPem, isCA }: Pkcs12ExportProps) {
  const id = useId();
  const canKeystore = Boolean(keyPem);
  const [kind, setKind] = useState<'keystore' | 'truststore'>(canKeystore ? 'keystore' : 'truststore');
  const [password, setPassword] = useState('');
  const [alias, setAlias] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!canKeystore && !isCA) return null;

  const go = async () => {
    setProblem(undefined);
    setDone(undefined);
    if (!password) {
      setProblem('Choose a password: Java refuses PKCS#12 files without one, and it protects the key inside.');
      return;
    }
    setBusy(true);
    try {
      const out =
        kind === 'keystore' && keyPem
          ? await runExport.exportKeystore({
              certPem,
              keyPem,
              password,
              ...(chainPem ? { chainPem } : {}),
              ...(alias ? { alias } : {}),
            })
          : await runExport.exportTruststore({ caPems: [certPem], password, ...(alias ? { alias } : {}) });
      const file = `${safeFileName(name)}.${kind}.p12`;
      download(file, out.der, 'application/x-pkcs12');
      setDone(`${file}: ${plural(out.aliases.length, 'entry', 'entries')} (alias ${out.aliases.join(', ')}).`);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="export-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      <h4 id={`${id}-h`}>PKCS#12</h4>
      <fieldset>
        <legend>PKCS#12 contents</legend>
        {canKeystore && (
          <div className="choice">
            <input
              type="radio"
              id={`${id}-ks`}
              name={`${id}-kind`}
              checked={kind === 'keystore'}
              onChange={() => setKind('keystore')}
            />
            <label htmlFor={`${id}-ks`}>Keystore: key, certificate and chain (what a server or client presents)</label>
          </div>
        )}
        {isCA && (
          <div className="choice">
            <input
              type="radio"
              id={`${id}-ts`}
              name={`${id}-kind`}
              checked={kind === 'truststore'}
              onChange={() => setKind('truststore')}
            />
            <label htmlFor={`${id}-ts`}>Truststore: this CA certificate only (what peers verify against)</label>
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-pw`}>Password</label>
        <input
          id={`${id}-pw`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-alias`}>Alias</label>
        <input
          id={`${id}-alias`}
          type="text"
          spellCheck={false}
          placeholder="the certificate's common name"
          value={alias}
          onChange={(e) => setAlias(e.currentTarget.value)}
        />
        <p className="field__help">The entry's name in keytool -list (friendlyName).</p>
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        Download PKCS#12
      </button>
      <p role="status">{busy ? 'Building the PKCS#12 file…' : done}</p>
      {problem && (
        <p role="alert" className="export-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
