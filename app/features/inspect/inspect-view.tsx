/**
 * Inspect: drop, choose or paste anything; see what each item is, how the items relate, whether
 * the chain works for a host and role, and what the linter says; keep items in the workspace;
 * download the report as JSON. Reading runs in the worker, so the page stays responsive.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { FileDrop } from '../../components/file-drop.tsx';
import { TreeView } from '../../components/tree-view.tsx';
import { appStore, useApp } from '../../store/index.ts';
import { DiagnosisPanel } from './diagnosis-panel.tsx';
import { InspectForm } from './inspect-form.tsx';
import { InspectedItemView } from './inspected-item.tsx';
import { NoChain } from './no-chain.tsx';
import { CertTable } from './cert-table.tsx';
import { TABLE_FROM } from './cert-rows.ts';
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { download } from '../../lib/download.ts';
import { startWorker } from '../../worker/client.ts';
import { reportJson } from './report-json.ts';
import { canSave, toNewItem } from './save-items.ts';
import { useInspect, type InspectOptions } from './use-inspect.ts';
import './inspect.css';
import { plural } from '../../text/plural.ts';

const EMPTY: InspectOptions = { pasted: '', password: '', host: '', role: '' };

/** How long typing or pasting must pause before the text is read without a click. */
const PASTE_DEBOUNCE_MS = 400;

/** Items drawn at first; "Show all" draws the rest. */
const FIRST_ITEMS = 20;

export function InspectView() {
  const { state, run, runIfChanged, addFiles, clear } = useInspect();
  const [options, setOptions] = useState<InspectOptions>(EMPTY);
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  // Drawing hundreds of trees at once blocks the page; a CA bundle shows its first items, the rest on request.
  const [shown, setShown] = useState<{ report: unknown; count: number }>({ report: undefined, count: FIRST_ITEMS });
  const hydrated = useApp((s) => s.hydrated);
  const report = state.report;
  // Whatever the user gives next is read in the worker: load it now, not after the file is chosen.
  useEffect(() => startWorker('inspect'), []);

  // Files take a moment to read; the run after them uses the form as it is then, not as it was
  // when they were chosen, so a paste or a password typed meanwhile is part of it.
  const latest = useRef(options);
  // A paste or a password is read once typing pauses, as files are read once chosen; Inspect runs at once.
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pause.current), []);
  const changeOptions = useCallback(
    (next: InspectOptions) => {
      const reread = next.pasted !== latest.current.pasted || next.password !== latest.current.password;
      latest.current = next;
      setOptions(next);
      if (!reread) return;
      clearTimeout(pause.current);
      pause.current = setTimeout(() => runIfChanged(latest.current), PASTE_DEBOUNCE_MS);
    },
    [runIfChanged],
  );
  const inspectNow = () => {
    clearTimeout(pause.current);
    void run(latest.current);
  };
  const onFiles = useCallback((files: File[]) => void addFiles(files, () => latest.current), [addFiles]);

  const save = (ids: string[]) => {
    if (!report) return;
    const fresh = report.items.filter((i) => ids.includes(i.id) && !saved.has(i.id));
    const items = fresh.flatMap((i) => toNewItem(i, report.items) ?? []);
    if (items.length) appStore.getState().addItems(items);
    setSaved(new Set([...saved, ...fresh.map((i) => i.id)]));
  };

  const savable = report?.items.filter(canSave) ?? [];
  // Many certificates (a CA bundle) go into one table (cert-rows.ts says why from TABLE_FROM); the
  // other items, and a handful of certificates, keep their cards.
  const certificates = report?.items.filter((i) => i.kind === 'certificate') ?? [];
  const asTable = certificates.length >= TABLE_FROM;
  const cardItems = (asTable ? report?.items.filter((i) => i.kind !== 'certificate') : report?.items) ?? [];
  // A new report starts folded again.
  const count = shown.report === report ? shown.count : FIRST_ITEMS;
  const visible = cardItems.slice(0, count);
  const hidden = cardItems.length - visible.length;
  const card = (item: InspectedItem, openDepth: number) => (
    <InspectedItemView
      openDepth={openDepth}
      at={report?.at ?? ''}
      key={item.id}
      item={item}
      saved={saved.has(item.id)}
      disabled={!hydrated}
      {...(canSave(item) ? { onSave: () => save([item.id]) } : {})}
    />
  );
  const errors = report?.items.filter((i) => i.kind === 'error') ?? [];
  const read = (report?.items.length ?? 0) - errors.length;

  return (
    <section className="inspect" aria-labelledby="inspect-heading">
      <h2 id="inspect-heading">Inspect</h2>
      <p>
        Certificates, requests, keys, revocation lists, PKCS#7 and PKCS#12 files: see what they hold, how they chain,
        and whether TLS will accept them. Nothing leaves this page.
      </p>
      <FileDrop message="Drop files to inspect them" onFiles={onFiles} />
      <InspectForm
        options={options}
        onChange={changeOptions}
        onFiles={onFiles}
        onInspect={inspectNow}
        onClear={() => {
          clear();
          changeOptions(EMPTY);
          clearTimeout(pause.current);
          setSaved(new Set());
        }}
        busy={state.busy}
        files={state.files}
      />

      <p role="status" className="inspect__status">
        {state.busy
          ? 'Reading…'
          : report
            ? `${plural(read, 'item')} read${errors.length ? `, ${errors.length} could not be read` : ''}.`
            : ''}
      </p>
      {(state.failure || state.rejected.length > 0) && (
        <div role="alert" className="inspect__alert">
          {state.failure && <p>{state.failure}</p>}
          {state.rejected.map((r, i) => (
            <p key={`${r.name}:${i}`}>{r.message}</p>
          ))}
        </div>
      )}

      {report && report.items.length > 0 && (
        <>
          <div className="inspect__actions">
            <button
              type="button"
              onClick={() => download('certbench-report.json', reportJson(report), 'application/json')}
            >
              Download JSON report
            </button>
            {savable.length > 1 && (
              <button type="button" disabled={!hydrated} onClick={() => save(savable.map((i) => i.id))}>
                Save all to workspace
              </button>
            )}
          </div>
          <section aria-labelledby="diagnosis-heading">
            <h3 id="diagnosis-heading">Diagnosis</h3>
            {report.diagnoses.length === 0 ? (
              <NoChain
                items={report.items}
                passwordGiven={options.password !== ''}
                onGoToPassword={() => document.getElementById('inspect-password')?.focus()}
              />
            ) : (
              report.diagnoses.map((d, i) => <DiagnosisPanel key={`${i}:${d.leaf}`} diagnosis={d} />)
            )}
          </section>
          {report.relations.length > 0 && (
            <section aria-labelledby="relations-heading">
              <h3 id="relations-heading">Relations</h3>
              {report.relations.map((r, i) => (
                <TreeView key={`${i}:${r.label}`} node={r} openDepth={3} />
              ))}
            </section>
          )}
          <section aria-labelledby="items-heading">
            <h3 id="items-heading" className="visually-hidden">
              Items
            </h3>
            {asTable && (
              <>
                <h4 className="inspect__table-heading">Certificates</h4>
                <CertTable items={certificates} renderDetail={(item) => card(item, 1)} />
              </>
            )}
            {visible.map((item) => card(item, report.items.length > 6 ? 1 : 2))}
            {hidden > 0 && (
              <p>
                {visible.length} of {cardItems.length} items shown.{' '}
                <button
                  type="button"
                  onClick={() => startTransition(() => setShown({ report, count: cardItems.length }))}
                >
                  Show all {cardItems.length} items
                </button>
              </p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
