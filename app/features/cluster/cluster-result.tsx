/** The finished cluster: download the bundle, read and copy the snippets. */
import { useState } from 'react';
import { CodeBlock, languageOf } from '../../components/code-block.tsx';
import { ResultHeading } from '../../components/result-heading.tsx';
import { download, fileSafe } from '../../lib/download.ts';
import { callWorker, errorMessage } from '../../worker/client.ts';
import type { ClusterResult } from '../../worker/pki-contract.ts';
import type { Bundle } from '../../layouts/types.ts';
import { nodeHosts } from '../../flows/node-hosts.ts';
import { layoutTargetLabel } from '../../targets/index.ts';
import './cluster.css';

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

export function ClusterResultView({ cluster, result }: { cluster: string; result: ClusterResult }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const downloadBundle = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const zip = await callWorker('exportBundle', {
        bundle: clusterResultBundle(cluster, result),
        layout: result.layout,
      });
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
        One CA, {result.nodes.length} node certificate{result.nodes.length === 1 ? '' : 's'} and {result.clients.length}{' '}
        client certificate{result.clients.length === 1 ? '' : 's'}, laid out for {layoutTargetLabel(result.layout)}.
        Everything is also in the workspace.
      </p>
      {result.warnings.length > 0 && (
        <ul className="notes">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p className="hint">
        {result.layout === 'crank'
          ? "The zip holds certificates and ca.crt only: crank makes each worker's key on the worker. The keys made here stay in the workspace."
          : 'The zip holds the private keys unencrypted, as the services read them: copy it only to the machines it is for.'}
      </p>
      <button type="button" onClick={() => void downloadBundle()} disabled={busy}>
        Download bundle
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {result.snippets.length > 0 && <h4>Configuration</h4>}
      {result.snippets.map((s) => (
        <div key={`${s.title}-${s.fileName}`} className="cluster-snippet">
          <h5>{s.title}</h5>
          {s.caution && (
            <p className="cluster-snippet__caution" role="note">
              <strong>Caution:</strong> {s.caution}
            </p>
          )}
          <CodeBlock code={s.code} language={languageOf(s.fileName)} title={s.fileName} />
        </div>
      ))}
    </section>
  );
}
