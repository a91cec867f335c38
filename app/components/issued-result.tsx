/** What an issuing action made: the certificate, its chain and key, with downloads and notes. */
import { download, fileSafe } from '../lib/download.ts';
import { CodeBlock } from './code-block.tsx';

export interface IssuedResultProps {
  heading: string;
  name: string;
  certPem: string;
  chainPem?: string;
  keyPem?: string;
  notes: string[];
}

export function IssuedResult({ heading, name, certPem, chainPem, keyPem, notes }: IssuedResultProps) {
  const base = fileSafe(name);
  return (
    <section className="result" aria-labelledby="issued-heading">
      <h3 id="issued-heading">{heading}</h3>
      {notes.length > 0 && <ul className="notes">{notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <div className="actions">
        <button type="button" onClick={() => download(`${base}.crt`, certPem, 'application/x-pem-file')}>Download certificate</button>
        {chainPem && (
          <button type="button" onClick={() => download(`${base}.fullchain.pem`, `${certPem.trim()}\n${chainPem.trim()}\n`, 'application/x-pem-file')}>
            Download full chain
          </button>
        )}
        {keyPem && (
          <button type="button" onClick={() => download(`${base}.key`, keyPem, 'application/x-pem-file')}>Download key</button>
        )}
      </div>
      {keyPem && <p className="hint">The key downloads unencrypted; Export offers it encrypted or as PKCS#12.</p>}
      <CodeBlock code={certPem} language="text" title={`${base}.crt`} />
    </section>
  );
}
