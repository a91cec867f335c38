/**
 * Download a private key. Encrypted PKCS#8 is the default; a plaintext format makes the user
 * acknowledge, before the download, that anyone holding the file holds the identity.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { revealHeading } from '../../components/reveal-heading.ts';
import { keyFamily, type KeyFamily } from '../../layouts/key-family.ts';
import type { PrivateKeyFormat } from '../../pki/index.ts';
import { download } from '../../lib/download.ts';
import { safeFileName } from './file-name.ts';
import { messageOf, runExport } from './run-export.ts';

const FORMATS: { id: PrivateKeyFormat; label: string; why: string; only?: KeyFamily }[] = [
  {
    id: 'pkcs8-encrypted',
    label: 'Encrypted PKCS#8 (recommended)',
    why: 'AES-256-CBC under a PBKDF2 key from your passphrase; OpenSSL, Java 17, Node and Python read it.',
  },
  {
    id: 'pkcs8',
    label: 'PKCS#8, not encrypted',
    why: 'What servers that cannot prompt for a passphrase read (ScyllaDB, Cassandra PEM, most sidecars).',
  },
  {
    id: 'pkcs1',
    label: 'PKCS#1, not encrypted',
    why: 'The older "RSA PRIVATE KEY" form some tools still expect.',
    only: 'rsa',
  },
  {
    id: 'sec1',
    label: 'SEC1, not encrypted',
    why: 'The older "EC PRIVATE KEY" form some tools still expect.',
    only: 'ec',
  },
];

/**
 * `reveal`: scroll the form into view and move focus to its heading once mounted (a link that
 * says "Export the key…" lands on the key, not on the top of Export).
 */
export function KeyExport({ name, keyPem, reveal = false }: { name: string; keyPem: string; reveal?: boolean }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!reveal) return;
    // After the shell's own focus move to <main> on a view change, which runs in the same commit.
    const frame = requestAnimationFrame(() => {
      if (heading.current) revealHeading(heading.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [reveal]);
  const [format, setFormat] = useState<PrivateKeyFormat>('pkcs8-encrypted');
  const [passphrase, setPassphrase] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [encoding, setEncoding] = useState<'pem' | 'der'>('pem');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const encrypted = format === 'pkcs8-encrypted';
  // PKCS#1 exists only for RSA keys and SEC1 only for EC keys: offer what fits this key.
  const family = keyFamily(keyPem);
  const formats = FORMATS.filter((f) => !f.only || f.only === family);
  const derAllowed = format === 'pkcs8' || format === 'pkcs8-encrypted';

  const go = async () => {
    setProblem(undefined);
    if (encrypted && !passphrase) {
      setProblem('Choose a key passphrase: the encrypted key is only as safe as it.');
      return;
    }
    setBusy(true);
    try {
      const enc = derAllowed ? encoding : 'pem';
      const out = await runExport.exportKey({
        keyPem,
        format,
        encoding: enc,
        ...(encrypted ? { password: passphrase } : {}),
      });
      download(
        `${safeFileName(name)}.key${enc === 'der' ? '.der' : '.pem'}`,
        out.contents,
        enc === 'der' ? 'application/pkcs8' : 'application/x-pem-file',
      );
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
      <h4 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Private key of {name}
      </h4>
      <fieldset>
        <legend>Private key format</legend>
        {formats.map((f) => (
          <div key={f.id} className="choice">
            <input
              type="radio"
              id={`${id}-${f.id}`}
              name={`${id}-format`}
              checked={format === f.id}
              onChange={() => {
                setFormat(f.id);
                setUnderstood(false);
              }}
            />
            <label htmlFor={`${id}-${f.id}`}>{f.label}</label>
            <span className="field__help"> {f.why}</span>
          </div>
        ))}
      </fieldset>
      {derAllowed && (
        <div className="field">
          <label htmlFor={`${id}-encoding`}>Encoding</label>
          <select
            id={`${id}-encoding`}
            value={encoding}
            onChange={(e) => setEncoding(e.currentTarget.value === 'der' ? 'der' : 'pem')}
          >
            <option value="pem">PEM (text)</option>
            <option value="der">DER (binary)</option>
          </select>
        </div>
      )}
      {encrypted ? (
        <div className="field">
          <label htmlFor={`${id}-pass`}>Key passphrase</label>
          <input
            id={`${id}-pass`}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
      ) : (
        <div className="export-warning">
          <p id={`${id}-warn`}>
            This file will hold the private key of {name} unencrypted: anyone who gets a copy can act as {name}. Keep it
            where only the service reads it (mode 0600), or choose the encrypted format.
          </p>
          <div className="choice">
            <input
              type="checkbox"
              id={`${id}-ok`}
              checked={understood}
              aria-describedby={`${id}-warn`}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
            <label htmlFor={`${id}-ok`}>I understand the key will not be encrypted</label>
          </div>
        </div>
      )}
      <button type="submit" className="secondary" disabled={busy || (!encrypted && !understood)}>
        Download key
      </button>
      {problem && (
        <p role="alert" className="export-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
