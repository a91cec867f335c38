/** Will this chain work for this host and role? The verdict first, the chain drawn, then the reasons and each client's verdict. */
import { useId } from 'react';
import type { Diagnosis } from '../../flows/inspect-report.ts';
import { FindingsList } from './findings-list.tsx';
import { ClientMatrix } from './client-matrix.tsx';
import { ChainView } from './chain-view.tsx';
import { pageFindingText } from './page-words.ts';
import { plural } from '../../text/plural.ts';

export function DiagnosisPanel({ diagnosis }: { diagnosis: Diagnosis }) {
  const headingId = useId();
  const asked = [diagnosis.host && `for ${diagnosis.host}`, diagnosis.role && `as a ${diagnosis.role}`]
    .filter(Boolean)
    .join(' ');
  return (
    <article className="diagnosis" aria-labelledby={headingId}>
      <h4 id={headingId}>{diagnosis.leaf}</h4>
      <p
        className={
          diagnosis.valid ? 'diagnosis__verdict diagnosis__verdict--ok' : 'diagnosis__verdict diagnosis__verdict--bad'
        }
      >
        {diagnosis.valid
          ? `${diagnosis.leaf} validates${asked ? ` ${asked}` : ''} under RFC 5280.`
          : `${diagnosis.leaf} does not validate${asked ? ` ${asked}` : ''} under RFC 5280.`}
      </p>
      {diagnosis.chain.length > 0 && (
        <p>
          {diagnosis.valid
            ? `Chain: ${plural(diagnosis.chain.length, 'certificate')}, from the leaf to a trusted root given here.`
            : `Best path found: ${plural(diagnosis.chain.length, 'certificate')} up from the leaf.`}
        </p>
      )}
      <ChainView
        links={diagnosis.links}
        missing={diagnosis.missing}
        trusted={!diagnosis.findings.some((f) => f.code === 'untrusted-root')}
      />
      <FindingsList findings={diagnosis.findings} say={(f) => pageFindingText(f, diagnosis)} />
      <ClientMatrix clients={diagnosis.clients} />
    </article>
  );
}
