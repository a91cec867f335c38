/** The finished cluster: download the bundle, read and copy the snippets. */
import { useMemo, useState } from 'react';
import { ResultHeading } from '../../components/result-heading.tsx';
import { SnippetsPanel } from '../../components/snippets-panel.tsx';
import { download, fileSafe } from '../../lib/download.ts';
import { callWorker, errorMessage } from '../../worker/client.ts';
import type { ClusterResult } from '../../worker/pki-contract.ts';
import type { Bundle, LayoutOptions } from '../../layouts/types.ts';
import { nodeHosts } from '../../flows/node-hosts.ts';
import { targetById } from '../../targets/index.ts';
import { useAfterFirstFrame } from './use-after-first-frame.ts';
import { plural } from '../../text/plural.ts';

/**
 * The layouts' Bundle of a finished cluster, for the one zip operation (exportBundle). A new root
 * signed everything, so no leaf has intermediates to add.
 */
export function clusterResultBundle(cluster: string, result: ClusterResult): Bundle {
  return {
    cluster,
    ca: { certPem: result.ca.certPem, ...(result.ca.chainPem ? { chainPem: result.ca.chainPem } : {}) },
    nodes: result.nodes.map((n) => ({
      name: n.name,
      certPem: n.certPem,
      keyPem: n.keyPem ?? '',
      chainPem: '',
      ...nodeHosts(n.meta.sans),
    })),
    clients: result.clients.map((c) => ({
      name: c.name,
      commonName: c.name,
      certPem: c.certPem,
      keyPem: c.keyPem ?? '',
      chainPem: '',
    })),
  };
}

/** What the zip does with private keys, in one sentence for the hint above Download. */
function keysInZip(result: ClusterResult, options: LayoutOptions): string {
  if (result.layout === 'crank')
    return "The zip holds certificates and ca.crt only: crank makes each worker's key on the worker. The keys made here stay in the workspace.";
  if (result.layout === 'cassandra' && options.cassandraFormat === 'pkcs12')
    return "Each node's key is in its keystore.p12 under the store password you typed (it is not in the zip); the cqlsh client keys are plain PEM files: copy the zip only to the machines it is for.";
  return 'The zip holds the private keys unencrypted, as the services read them: copy it only to the machines it is for.';
}

/**
 * `options` are the layout options chosen in the form (Cassandra's form and store password): kept
 * in memory for the download, never saved with the workspace.
 */
export function ClusterResultView({
  cluster,
  result,
  options = {},
}: {
  cluster: string;
  result: ClusterResult;
  options?: LayoutOptions;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const bundle = useMemo(() => clusterResultBundle(cluster, result), [cluster, result]);
  const snippetsShown = useAfterFirstFrame();

  const downloadBundle = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const zip = await callWorker('exportBundle', { bundle, layout: result.layout, options });
      download(`${fileSafe(cluster)}-${result.layout}.zip`, zip.zip, 'application/zip');
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cluster-result-heading" className="result">
      <ResultHeading level={3} id="cluster-result-heading" revealKey={result}>
        Cluster bundle
      </ResultHeading>
      <p>
        One CA, {plural(result.nodes.length, 'node certificate')} and{' '}
        {plural(result.clients.length, 'client certificate')}, laid out for {targetById(result.target).label}.
        Everything is also in the workspace.
      </p>
      {result.warnings.length > 0 && (
        <ul className="notes">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p className="hint">{keysInZip(result, options)}</p>
      <button type="button" onClick={() => void downloadBundle()} disabled={busy}>
        Download bundle
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {snippetsShown && (
        <SnippetsPanel bundle={bundle} layout={result.layout} options={options} target={result.target} others={false} />
      )}
    </section>
  );
}
