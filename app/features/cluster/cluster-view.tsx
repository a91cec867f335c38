/**
 * Cluster setup, the main path: name the cluster, list nodes and clients, pick the target system,
 * and get a CA, every certificate, the bundle and the snippets in one step (in the worker, with
 * progress and Cancel).
 */
import { startTransition, Suspense, useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import type { KeyAlgorithmId } from '../../pki/index.ts';
import type { LayoutOptions } from '../../layouts/types.ts';
import { DaysField, daysError } from '../../components/days-field.tsx';
import { Field } from '../../components/field.tsx';
import { KeyTypeSelect } from '../issuing/key-type-select.tsx';
import { Why } from '../../components/why.tsx';
import { appStore, selectItemList, useApp } from '../../store/index.ts';
import { callWorker, startWorker } from '../../worker/client.ts';
import type { ClusterArgs, ClusterResult, TargetId } from '../../worker/pki-contract.ts';
import { useWorkerAction } from '../issuing/use-worker-action.ts';
import { ClusterList } from './cluster-list.tsx';
import { perFrame } from './per-frame.ts';
import { clusterItems } from './save-cluster.ts';
import { nextTask } from '../../store/sliced-puts.ts';
import { nodeLines, parseClients } from './form-lists.ts';
import { TARGETS, targetById } from '../../targets/index.ts';
import { clientListClash, clusterNameClash, nodeListClash } from '../issuing/name-clashes.ts';
import { TargetList } from './target-list.tsx';
import { CassandraStoreFields } from './cassandra-store-fields.tsx';
import { cassandraStoreError, type CassandraChoice } from '../issuing/cassandra-store-password.ts';
import { preloadedLazy } from '../../lib/preloaded-lazy.tsx';

/**
 * The result with its snippets panel (the snippets of every target: about 17 KiB gzipped) loads
 * when the form is first used, not with the view: the Cluster view is the app's first page (issue
 * 14's budget).
 */
const resultView = preloadedLazy(async () => (await import('./cluster-result.tsx')).ClusterResultView);
const ClusterResultView = resultView.Component;
let createStepAsked = false;
/**
 * On the first focus in the form (a user types the nodes before creating anything); once: the
 * result view's code, and the worker's issuing code (loaded and evaluated in the worker) with its
 * leaf helpers (worker/leaf-helper-pool.ts batchingOp), so none of them starts after the click.
 */
const preloadCreateStep = () => {
  if (createStepAsked) return;
  createStepAsked = true;
  resultView.preload();
  startWorker('setUpCluster');
};

export function ClusterView() {
  const [cluster, setCluster] = useState('my-cluster');
  const [nodes, setNodes] = useState('');
  const [clients, setClients] = useState('app');
  const [target, setTarget] = useState<TargetId>('scylla');
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithmId>('p256');
  const [caDays, setCaDays] = useState('3650');
  const [leafDays, setLeafDays] = useState('365');
  const [cassandra, setCassandra] = useState<CassandraChoice>({ format: 'pem', storePassword: '' });
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; label?: string | undefined }>();
  const setUp = useWorkerAction(
    (args: ClusterArgs, signal: AbortSignal, onProgress: (done: number, total: number, label?: string) => void) =>
      callWorker('setUpCluster', args, { signal, onProgress }),
    { nodes: ['nodes', 'san', 'sans'], clients: ['clients'], storePassword: ['storePassword'] },
  );
  const [result, setResult] = useState<{ cluster: string; result: ClusterResult; options: LayoutOptions }>();
  const controller = useRef<AbortController | undefined>(undefined);

  // Clashes are said as typed, before anything is made (issue 12): in the lists (errors, the flow
  // refuses them) and with the workspace (a warning: a second "my-cluster CA" is valid but confusing).
  // Memoised: the view draws again on every progress frame, and a list of a thousand node lines
  // parsed each time kept the main thread busy while the worker needed the cores. The workspace
  // is deferred: a save of a thousand items is checked again in a render of its own, later.
  const items = useDeferredValue(useApp(selectItemList));
  const nameClash = useMemo(() => clusterNameClash(items, cluster), [items, cluster]);
  const nodeCount = useMemo(() => nodeLines(nodes).length, [nodes]);
  const nodeClash = useMemo(() => nodeListClash(nodes), [nodes]);
  const clientNames = useMemo(() => parseClients(clients), [clients]);
  const clientClash = useMemo(() => clientListClash(nodes, clientNames), [nodes, clientNames]);
  const nodesError =
    touched && nodeCount === 0
      ? 'List at least one node: its name, then its IP addresses and DNS names.'
      : nodeClash?.message;
  const isCassandra = targetById(target).layout === 'cassandra';
  const storeError = isCassandra ? cassandraStoreError(cassandra) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (
      !cluster.trim() ||
      nodeCount === 0 ||
      nodeClash ||
      clientClash ||
      storeError ||
      daysError(caDays) ||
      daysError(leafDays)
    )
      return;
    const options: LayoutOptions = isCassandra
      ? {
          cassandraFormat: cassandra.format,
          ...(cassandra.format === 'pkcs12' ? { storePassword: cassandra.storePassword } : {}),
        }
      : {};
    const abort = new AbortController();
    controller.current = abort;
    setResult(undefined);
    setProgress({ done: 0, total: nodeCount + clientNames.length + 1 });
    // One progress a certificate from the worker; one drawn a frame.
    const shown = perFrame(setProgress);
    const made = await setUp.run(
      {
        cluster: cluster.trim(),
        nodes,
        clients: clientNames,
        target,
        keyAlgorithm,
        caDays: Number(caDays),
        leafDays: Number(leafDays),
        ...(options.cassandraFormat ? { cassandraFormat: options.cassandraFormat } : {}),
        ...(options.storePassword !== undefined ? { storePassword: options.storePassword } : {}),
      },
      abort.signal,
      (done, total, label) => shown.push({ done, total, label }),
    );
    shown.cancel();
    setProgress(undefined);
    controller.current = undefined;
    if (!made) return;
    // A task each, not one for all (a thousand nodes made it a 40-70 ms task): the result's
    // message (its clone), making the workspace items, storing them (the store update and the
    // views that count items), then drawing the result.
    await nextTask();
    const newItems = clusterItems(cluster.trim(), target, made, options.cassandraFormat);
    await nextTask();
    appStore.getState().addItems(newItems);
    await nextTask();
    // A transition: React draws the result (its snippets list every node) in slices, not one long task.
    startTransition(() => setResult({ cluster: cluster.trim(), result: made, options }));
  };
  const formError = setUp.failure?.code === 'cancelled' ? 'Cancelled: nothing was saved.' : setUp.formError;

  const running = progress !== undefined;
  return (
    <section aria-labelledby="cluster-heading">
      <h2 id="cluster-heading">Cluster setup</h2>
      <Why>
        Mutual TLS: every node and client gets a certificate from one private CA, and each side checks the other's. One
        form makes all of it.
      </Why>
      {/* The result's code is fetched as soon as the form is used, not in the task of the click that
          needs it: adding its preload links was 12 ms of that task in traces. */}
      <form aria-label="Cluster setup" onSubmit={(e) => void submit(e)} onFocus={preloadCreateStep} noValidate>
        <Field
          label="Cluster name"
          error={touched && !cluster.trim() ? "Name the cluster: it becomes the CA's name." : undefined}
          warning={nameClash?.message}
        >
          {(p) => <input {...p} value={cluster} onChange={(e) => setCluster(e.target.value)} autoComplete="off" />}
        </Field>
        <Field
          label="Nodes"
          error={nodesError ?? setUp.fieldError('nodes')}
          hint="One node per line: its name, then every IP address and DNS name peers and clients dial (they check these names, not the CN). Example: node1 10.0.0.1 node1.db.internal"
        >
          {(p) => (
            <textarea
              {...p}
              rows={5}
              value={nodes}
              onChange={(e) => setNodes(e.target.value)}
              spellCheck={false}
              placeholder={'node1 10.0.0.1 node1.db.internal\nnode2 10.0.0.2 node2.db.internal'}
            />
          )}
        </Field>
        <Field
          label="Clients"
          error={clientClash?.message ?? setUp.fieldError('clients')}
          hint="One name per line (an application, cqlsh, a worker). A client certificate has clientAuth only, so it cannot pose as a server; its name is its identity in CN allow-lists."
        >
          {(p) => (
            <textarea {...p} rows={2} value={clients} onChange={(e) => setClients(e.target.value)} spellCheck={false} />
          )}
        </Field>
        {/* One grid cell: the select with its line, and every target explained under it. */}
        <div className="field field-group">
          <Field
            label="Target system"
            hint={`${targetById(target).description}. Decides the bundle's file names and folders and the snippets you get.`}
          >
            {(p) => (
              <select {...p} value={target} onChange={(e) => setTarget(e.target.value as TargetId)}>
                {TARGETS.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TargetList />
        </div>
        {isCassandra && (
          <CassandraStoreFields
            value={cassandra}
            onChange={setCassandra}
            error={(touched ? storeError : undefined) ?? setUp.fieldError('storePassword')}
          />
        )}
        <KeyTypeSelect value={keyAlgorithm} onChange={setKeyAlgorithm} />
        <details>
          <summary>
            Validity: CA {caDays} days, certificates {leafDays} days
          </summary>
          <DaysField label="CA validity (days)" value={caDays} onChange={setCaDays} />
          <DaysField
            label="Certificate validity (days)"
            value={leafDays}
            onChange={setLeafDays}
            hint="Shorter limits what a leaked key can do; re-issue before it ends under Issue, with this cluster's CA."
          />
        </details>
        {formError && (
          <p className="error" role="alert">
            {formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={running}>
            Create cluster certificates
          </button>
          {running && (
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
        {running && (
          <p role="status">
            <label>
              {progress.label ?? 'Issuing certificates'} ({progress.done} of {progress.total}){' '}
              <progress max={progress.total} value={progress.done} />
            </label>
          </p>
        )}
      </form>
      {result && (
        <Suspense fallback={<p role="status">Loading the result…</p>}>
          <ClusterResultView cluster={result.cluster} result={result.result} options={result.options} />
        </Suspense>
      )}
      <ClusterList />
    </section>
  );
}
