/**
 * Download a whole bundle as a zip laid out for one ecosystem: the CA, every node's and client's
 * certificate and key, in the file names that system expects, plus a README.
 */
import { useMemo, useState } from 'react';
import { isLayoutId, LAYOUTS } from '../../layouts/index.ts';
import type { LayoutId, LayoutOptions } from '../../layouts/types.ts';
import { appStore, keysUnlocked, selectItemList, useApp } from '../../store/index.ts';
import { bundleFromWorkspace } from '../../flows/bundle-from-workspace.ts';
import { download } from '../../lib/download.ts';
import { plural } from '../../text/plural.ts';
import { safeFileName } from './file-name.ts';
import { messageOf, runExport } from './run-export.ts';
import type { BundleZipOut } from '../../worker/ops-export.ts';
import { SnippetsPanel } from '../../components/snippets-panel.tsx';
import { encryptsKeys, plaintextKeysExpected } from './plaintext-keys.ts';
import { cassandraStoreError } from '../issuing/cassandra-store-password.ts';
import type { WorkspaceItem } from '../../store/index.ts';

/** The layout a cluster bundle was made for, when its record names one. */
function layoutOf(source: WorkspaceItem | undefined): LayoutId | undefined {
  return source?.meta.layout && isLayoutId(source.meta.layout) ? source.meta.layout : undefined;
}

export function BundleExport() {
  const list = useApp(selectItemList);
  const items = useApp((s) => s.items);
  const keysLocked = useApp((s) => s.keyLock === 'locked');
  const sources = list.filter((i) => i.kind === 'bundle' || i.kind === 'ca');
  const [chosen, setChosen] = useState('');
  const source = sources.find((i) => i.id === chosen) ?? sources[0];
  const [layout, setLayout] = useState<LayoutId>(() => layoutOf(source) ?? 'generic');
  const [keyPassphrase, setKeyPassphrase] = useState('');
  // A cluster saved with Cassandra's PKCS#12 stores comes back as PKCS#12; its store password is
  // never kept, so it is typed again (the yaml on the nodes names it).
  const [cassandraFormat, setCassandraFormat] = useState<'pem' | 'pkcs12'>(source?.meta.cassandraFormat ?? 'pem');
  const [storePassword, setStorePassword] = useState('');
  const [tried, setTried] = useState(false);
  // Choosing another bundle brings its own layout and Cassandra form (React's "adjust state while rendering").
  const [formFor, setFormFor] = useState(source?.id);
  if (source && source.id !== formFor) {
    setFormFor(source.id);
    const saved = layoutOf(source);
    if (saved) setLayout(saved);
    if (source.meta.cassandraFormat) setCassandraFormat(source.meta.cassandraFormat);
  }
  const [understood, setUnderstood] = useState(false);
  const [result, setResult] = useState<BundleZipOut>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sourceId = source?.id;
  // Parsing every member's PEM is not free with hundreds of nodes: redo it only when the workspace changes.
  const built = useMemo(() => {
    const from = sourceId ? items[sourceId] : undefined;
    return from ? bundleFromWorkspace(items, from) : undefined;
  }, [items, sourceId]);
  const described = LAYOUTS.find((l) => l.id === layout);

  const options = useMemo(() => {
    const o: LayoutOptions = {};
    if (keyPassphrase) o.keyPassphrase = keyPassphrase;
    if (layout === 'cassandra') o.cassandraFormat = cassandraFormat;
    if (storePassword) o.storePassword = storePassword;
    return o;
  }, [keyPassphrase, layout, cassandraFormat, storePassword]);

  const plaintext = described ? plaintextKeysExpected(described, options, built?.bundle) : true;
  const storeError =
    layout === 'cassandra' ? cassandraStoreError({ format: cassandraFormat, storePassword }) : undefined;
  const savedAsPkcs12 = source?.meta.cassandraFormat === 'pkcs12';

  const go = async () => {
    setProblem(undefined);
    setResult(undefined);
    setTried(true);
    if (!built || !source || storeError) return;
    // Locked keys are not in `built` (made from the items as rendered): unlock, then build from the store.
    if (!(await keysUnlocked(`Exporting ${source.name}`))) return;
    const stored = appStore.getState().items;
    const ready = bundleFromWorkspace(stored, stored[source.id] ?? source) ?? built;
    // Unlocked just now, the bundle holds keys it did not: the plaintext warning shows and wants its tick first.
    if (described && plaintextKeysExpected(described, options, ready.bundle) && !understood) return;
    setBusy(true);
    try {
      const out = await runExport.exportBundle({ bundle: ready.bundle, layout, options });
      setResult(out);
      download(`${safeFileName(source.name, 'bundle')}-${layout}.zip`, out.zip, 'application/zip');
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!source) {
    return (
      <section aria-labelledby="export-bundle-heading" className="export-section">
        <h3 id="export-bundle-heading">Bundles</h3>
        <p>No CA or cluster bundle in the workspace yet: set up a cluster or create a CA first.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="export-bundle-heading" className="export-section">
      <h3 id="export-bundle-heading">Bundles</h3>
      <form
        className="export-form"
        aria-label="Bundle download"
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <div className="field">
          <label htmlFor="bundle-source">Bundle or CA</label>
          <select
            id="bundle-source"
            value={source.id}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setResult(undefined);
            }}
          >
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.kind === 'ca' ? 'CA and what it issued' : 'cluster bundle'})
              </option>
            ))}
          </select>
          {built && (
            <p className="field__help">
              {plural(built.bundle.nodes.length + built.locked.nodes, 'node')},{' '}
              {plural(built.bundle.clients.length + built.locked.clients, 'client')}.
              {built.skipped.length > 0 &&
                (keysLocked
                  ? ' Their private keys are locked: exporting asks for the passphrase.'
                  : ` Left out (no private key in the workspace): ${built.skipped.join(', ')}.`)}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="bundle-layout">Layout</label>
          <select
            id="bundle-layout"
            value={layout}
            aria-describedby="bundle-layout-help"
            onChange={(e) => {
              setLayout(e.currentTarget.value as LayoutId);
              setResult(undefined);
            }}
          >
            {LAYOUTS.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
          <p id="bundle-layout-help" className="field__help">
            {described?.describe}
          </p>
        </div>
        {layout === 'cassandra' && (
          <div className="field">
            <label htmlFor="bundle-cassandra">Cassandra files</label>
            <select
              id="bundle-cassandra"
              value={cassandraFormat}
              onChange={(e) => setCassandraFormat(e.currentTarget.value === 'pkcs12' ? 'pkcs12' : 'pem')}
            >
              <option value="pem">PEM key and chain (PEMBasedSslContextFactory)</option>
              <option value="pkcs12">PKCS#12 keystore and truststore</option>
            </select>
          </div>
        )}
        {layout === 'cassandra' && cassandraFormat === 'pkcs12' && (
          <div className="field">
            <label htmlFor="bundle-store-password">Store password</label>
            <input
              id="bundle-store-password"
              type="password"
              autoComplete="new-password"
              aria-describedby={`bundle-store-password-help${tried && storeError ? ' bundle-store-password-error' : ''}`}
              aria-invalid={tried && !!storeError}
              value={storePassword}
              onChange={(e) => setStorePassword(e.currentTarget.value)}
            />
            <p id="bundle-store-password-help" className="field__help">
              {savedAsPkcs12
                ? "This cluster was made with PKCS#12 stores. certbench did not keep their password: type the one your nodes' cassandra.yaml names (keystore_password), or change cassandra.yaml too."
                : 'Opens each keystore.p12 and truststore.p12 and the key inside (keystore_password, truststore_password). Not saved.'}
            </p>
            {tried && storeError && (
              <p id="bundle-store-password-error" className="export-problem">
                {storeError}
              </p>
            )}
          </div>
        )}
        {described && encryptsKeys(described, options) && (
          <div className="field">
            <label htmlFor="bundle-key-pass">Key passphrase (optional)</label>
            <input
              id="bundle-key-pass"
              type="password"
              autoComplete="new-password"
              aria-describedby="bundle-key-pass-help"
              value={keyPassphrase}
              onChange={(e) => setKeyPassphrase(e.currentTarget.value)}
            />
            <p id="bundle-key-pass-help" className="field__help">
              Encrypts every private key in the zip (PKCS#8, AES-256-CBC); the services then need the passphrase to
              start.
            </p>
          </div>
        )}
        {plaintext && (
          <div className="export-warning">
            <p id="bundle-plaintext-warning">
              {layout === 'cassandra' && cassandraFormat === 'pkcs12'
                ? 'The node keys are inside the PKCS#12 keystores, but cqlsh reads its client keys unencrypted, so this zip holds the client keys in plain text.'
                : described && !encryptsKeys(described, options)
                  ? `${described.label} reads private keys unencrypted, so this zip will hold them in plain text.`
                  : 'Without a passphrase this zip will hold the private keys in plain text.'}{' '}
              Anyone with a copy can act as your nodes and clients: keep it private, and delete it once the files are in
              place.
            </p>
            <div className="choice">
              <input
                id="bundle-plaintext-ok"
                type="checkbox"
                checked={understood}
                aria-describedby="bundle-plaintext-warning"
                onChange={(e) => setUnderstood(e.currentTarget.checked)}
              />
              <label htmlFor="bundle-plaintext-ok">I understand the zip holds unencrypted private keys</label>
            </div>
          </div>
        )}
        <button
          type="submit"
          disabled={
            busy ||
            !built ||
            (built.bundle.nodes.length === 0 && built.bundle.clients.length === 0 && !keysLocked) ||
            (plaintext && !understood)
          }
        >
          Download bundle
        </button>
        <p role="status">{busy ? 'Building the bundle…' : result ? `Downloaded ${result.files.length} files.` : ''}</p>
        {problem && (
          <p role="alert" className="export-problem">
            {problem}
          </p>
        )}
      </form>
      {result && (
        <div className="export-result">
          {result.containsPlaintextKeys && <p className="export-warning">This zip holds unencrypted private keys.</p>}
          {result.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
          <ul aria-label="Files in the bundle">
            {result.files.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>
                {f.secret ? ' (secret)' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {built && (
        <SnippetsPanel
          bundle={built.bundle}
          layout={layout}
          options={options}
          {...(source.meta.target ? { target: source.meta.target } : {})}
        />
      )}
    </section>
  );
}
