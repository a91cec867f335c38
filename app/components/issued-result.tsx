/** What an issuing action made: the certificate, its chain and key, with downloads and notes. */
import { download, fileSafe } from '../lib/download.ts';
import { formatSan } from '../pki/light/index.ts';
import type { ItemMeta } from '../store/index.ts';
import { CodeBlock } from './code-block.tsx';
import { ResultHeading } from './result-heading.tsx';

export interface IssuedResultProps {
  heading: string;
  name: string;
  certPem: string;
  chainPem?: string;
  keyPem?: string;
  notes: string[];
  /** What the certificate says (subject, names, validity, issuer), shown so the user need not run openssl x509 -text. */
  meta?: ItemMeta;
}

export function IssuedResult({ heading, name, certPem, chainPem, keyPem, notes, meta }: IssuedResultProps) {
  const base = fileSafe(name);
  return (
    <section className="result" aria-labelledby="issued-heading">
      <ResultHeading level={3} id="issued-heading" revealKey={certPem}>
        {heading}
      </ResultHeading>
      {meta && (
        <div className="summary">
          <dl>
            {meta.subject && (
              <>
                <dt>Subject</dt>
                <dd>{meta.subject}</dd>
              </>
            )}
            {meta.sans && (
              <>
                <dt>Names (SANs)</dt>
                <dd>{meta.sans.length ? meta.sans.map(formatSan).join(', ') : 'none'}</dd>
              </>
            )}
            {meta.profile && (
              <>
                <dt>Profile</dt>
                <dd>{meta.profile}</dd>
              </>
            )}
            {meta.notAfter && (
              <>
                <dt>Valid until</dt>
                <dd>{meta.notAfter.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')}</dd>
              </>
            )}
            {meta.issuer && (
              <>
                <dt>Issuer</dt>
                <dd>{meta.issuer}</dd>
              </>
            )}
            {meta.serial && (
              <>
                <dt>Serial</dt>
                <dd>{meta.serial}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={() => download(`${base}.crt`, certPem, 'application/x-pem-file')}>
          Download certificate
        </button>
        {chainPem && (
          <button
            type="button"
            onClick={() =>
              download(`${base}.fullchain.pem`, `${certPem.trim()}\n${chainPem.trim()}\n`, 'application/x-pem-file')
            }
          >
            Download full chain
          </button>
        )}
        {keyPem && (
          <button type="button" onClick={() => download(`${base}.key`, keyPem, 'application/x-pem-file')}>
            Download key
          </button>
        )}
      </div>
      {keyPem && <p className="hint">The key downloads unencrypted; Export offers it encrypted or as PKCS#12.</p>}
      <CodeBlock code={certPem} language="text" title={`${base}.crt`} />
    </section>
  );
}
