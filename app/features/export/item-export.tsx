/** Export one workspace item: certificate or CSR as PEM, DER or full chain; its key; PKCS#12. */
import { useState } from 'react';
import { hasPrivateKey, selectItemList, useApp, type WorkspaceItem } from '../../store/index.ts';
import { LockedKeyNote } from '../../components/locked-key-note.tsx';
import { download } from '../../lib/download.ts';
import { useHashParam } from '../../lib/hash-route.ts';
import { safeFileName } from './file-name.ts';
import { KeyExport } from './key-export.tsx';
import { firstDer, fullChain } from '../../flows/pem-blocks.ts';
import { Pkcs12Export } from './pkcs12-export.tsx';

const KIND_WORD: Record<WorkspaceItem['kind'], string> = {
  ca: 'CA',
  certificate: 'certificate',
  key: 'key',
  csr: 'CSR',
  bundle: 'bundle',
};

function CertificateFiles({ item }: { item: WorkspaceItem }) {
  const base = safeFileName(item.name);
  const ext = item.kind === 'csr' ? 'csr' : 'crt';
  const der = firstDer(item.pem);
  return (
    <div className="export-row" role="group" aria-label={`${item.name} certificate files`}>
      <button type="button" onClick={() => download(`${base}.${ext}`, item.pem, 'application/x-pem-file')}>
        Download PEM
      </button>
      {der && (
        <button
          type="button"
          onClick={() => download(`${base}.${ext === 'csr' ? 'csr.der' : 'der'}`, der, 'application/pkix-cert')}
        >
          Download DER
        </button>
      )}
      {item.kind !== 'csr' && item.chainPem && (
        <button
          type="button"
          onClick={() =>
            download(`${base}.fullchain.pem`, fullChain(item.pem, item.chainPem), 'application/x-pem-file')
          }
        >
          Download full chain
        </button>
      )}
    </div>
  );
}

export function ItemExport() {
  const list = useApp(selectItemList);
  const exportable = list.filter((i) => i.kind !== 'bundle');
  const [chosen, setChosen] = useState('');
  // Until the user chooses, a link may name the item and the part to show (#/export?item=ID&part=key:
  // Authorities' "Export the key…" lands on the key form).
  const linked = useHashParam('item');
  const linkedPart = useHashParam('part');
  const item = exportable.find((i) => i.id === (chosen || linked)) ?? exportable[0];
  const keyPem = item?.kind === 'key' ? item.pem : item?.keyPem;

  return (
    <section aria-labelledby="export-item-heading" className="export-section">
      <h3 id="export-item-heading">One item</h3>
      {exportable.length === 0 ? (
        <p>
          The workspace holds no certificates or keys yet. Create a CA, issue a certificate, or save one from Inspect.
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="export-item">Item</label>
            <select id="export-item" value={item?.id ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
              {exportable.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({KIND_WORD[i.kind]}
                  {hasPrivateKey(i) ? ', with key' : ''})
                </option>
              ))}
            </select>
          </div>
          {item && item.kind !== 'key' && <CertificateFiles item={item} />}
          {item?.keyLocked && <LockedKeyNote name={item.name} purpose={`Exporting the key of ${item.name}`} />}
          {item && keyPem && (
            <KeyExport
              key={`key-${item.id}`}
              name={item.name}
              keyPem={keyPem}
              reveal={!chosen && item.id === linked && linkedPart === 'key'}
            />
          )}
          {item && (item.kind === 'ca' || item.kind === 'certificate') && (
            <Pkcs12Export
              key={`p12-${item.id}`}
              name={item.name}
              certPem={item.pem}
              isCA={item.kind === 'ca'}
              {...(item.keyPem ? { keyPem: item.keyPem } : {})}
              {...(item.chainPem ? { chainPem: item.chainPem } : {})}
            />
          )}
        </>
      )}
    </section>
  );
}
