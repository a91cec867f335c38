/** Sign a CSR: paste or drop a request, see what it asks for, choose CA and profile, edit SANs, sign. */
import { useRef, useState, type FormEvent } from 'react';
import { CaSelect, unlockedIssuerOf, useChosenCa } from '../../components/ca-select.tsx';
import { DaysField, daysError } from '../../components/days-field.tsx';
import { Field } from '../../components/field.tsx';
import { FileDrop } from '../../components/file-drop.tsx';
import { IssuedResult } from '../../components/issued-result.tsx';
import { ProfileSelect } from '../../components/profile-select.tsx';
import { Why } from '../../components/why.tsx';
import { derToPem, readFileSmart } from '../../lib/read-file.ts';
import { appStore, selectItemList, useApp } from '../../store/index.ts';
import { callWorker, WorkerCallError, warmOnFirstFocus } from '../../worker/client.ts';
import type { CsrSummary, Issued, LeafProfile, SignCsrArgs } from '../../worker/pki-contract.ts';
import { useWorkerAction } from '../issuing/use-worker-action.ts';
import { addedSanPreview, leafSansError } from '../issuing/leaf-sans-check.ts';
import { leafNameClash } from '../issuing/name-clashes.ts';
import { issuedItem } from '../../flows/issued-item.ts';

/** This form's submit calls the worker's signCsr: its code loads from the first focus in the form. */
const warmSignCsr = warmOnFirstFocus('signCsr');

export function CsrView() {
  const [pem, setPem] = useState('');
  const [summary, setSummary] = useState<CsrSummary>();
  const [readError, setReadError] = useState<string>();
  const [profile, setProfile] = useState<LeafProfile>('node');
  const [sans, setSans] = useState('');
  const [days, setDays] = useState('365');
  const [caId, setCaId] = useState('');
  const sign = useWorkerAction((args: SignCsrArgs) => callWorker('signCsr', args), {
    issuer: ['issuer'],
    sans: ['sans', 'san'],
  });
  const [signed, setSigned] = useState<Issued & { name: string }>();
  const ca = useChosenCa(caId, 'leaf');
  // One rule with Issue and the CLI: the CN's host name is added for node and server, and said so.
  const requestedCn = summary?.commonName ?? '';
  const sansError = summary ? leafSansError(sans, profile, requestedCn) : undefined;
  const items = useApp(selectItemList);
  const clash = summary ? leafNameClash(items, ca, requestedCn, profile) : undefined;

  // Read the request as it is pasted (in the worker: it checks the signature); a newer paste cancels the older read.
  const reading = useRef<AbortController | undefined>(undefined);
  const changePem = (text: string) => {
    setPem(text);
    reading.current?.abort();
    if (!text.trim()) {
      setSummary(undefined);
      setReadError(undefined);
      return;
    }
    const controller = new AbortController();
    reading.current = controller;
    callWorker('readCsr', { csrPem: text }, { signal: controller.signal }).then(
      (s) => {
        setSummary(s);
        setReadError(undefined);
        setSans(s.sans.join(', '));
      },
      (e: unknown) => {
        if (e instanceof WorkerCallError && e.code === 'cancelled') return;
        setSummary(undefined);
        setReadError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!summary || !ca || daysError(days) || sansError) return;
    setSigned(undefined); // as in Issue: the previous result's downloads go when a new run starts
    const issuer = await unlockedIssuerOf(ca, 'Signing a CSR');
    if (!issuer) return;
    const result = await sign.run({ csrPem: pem, profile, sans, days: Number(days), issuer });
    if (!result) return;
    const name = summary.commonName || 'signed certificate';
    appStore
      .getState()
      .addItems([issuedItem(result, { kind: 'certificate', name, parentId: ca.id, meta: { source: 'CSR' } })]);
    setSigned({ ...result, name });
  };

  return (
    <section aria-labelledby="csr-heading">
      <h2 id="csr-heading">Sign CSR</h2>
      <Why>
        A certificate signing request lets a machine keep its private key: it sends only its public key and the names it
        wants, and gets back a certificate.
      </Why>
      <FileDrop
        message="Drop a certificate signing request to read it"
        onFiles={(files) => {
          const f = files[0];
          if (f)
            void readFileSmart(f).then((d) =>
              changePem(typeof d === 'string' ? d : derToPem('CERTIFICATE REQUEST', d)),
            );
        }}
      />
      <form aria-label="Sign a CSR" onSubmit={(e) => void submit(e)} onFocus={warmSignCsr} noValidate>
        <Field
          label="Certificate signing request"
          error={readError}
          hint="Paste the PEM (-----BEGIN CERTIFICATE REQUEST-----) or choose the .csr file."
        >
          {(p) => (
            <textarea {...p} rows={6} value={pem} onChange={(e) => changePem(e.target.value)} spellCheck={false} />
          )}
        </Field>
        <Field label="CSR file">
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csr,.pem,.req,.der"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f)
                  void readFileSmart(f).then((d) =>
                    changePem(typeof d === 'string' ? d : derToPem('CERTIFICATE REQUEST', d)),
                  );
              }}
            />
          )}
        </Field>
        {summary && (
          <section aria-labelledby="csr-asks" className="summary">
            <h3 id="csr-asks">What the request asks for</h3>
            <dl>
              <dt>Subject</dt>
              <dd>{summary.subject || '(empty)'}</dd>
              <dt>Names (SANs)</dt>
              <dd>{summary.sans.length ? summary.sans.join(', ') : 'none'}</dd>
              <dt>Key</dt>
              <dd>{summary.keyAlgorithm}</dd>
              <dt>Signature</dt>
              <dd>{summary.signatureValid ? 'valid: the requester holds the private key' : 'INVALID: do not sign'}</dd>
            </dl>
          </section>
        )}
        <CaSelect
          purpose="leaf"
          value={ca?.id ?? ''}
          onChange={(id) => {
            setCaId(id);
            sign.clear();
          }}
          error={sign.fieldError('issuer')}
        />
        <ProfileSelect value={profile} onChange={setProfile} />
        <Field
          label="Subject alternative names"
          error={sansError ?? sign.fieldError('sans')}
          warning={summary ? addedSanPreview(sans, profile, requestedCn) : undefined}
          hint="What the request asked for; edit to grant less or more."
        >
          {(p) => (
            <textarea {...p} rows={2} value={sans} onChange={(e) => setSans(e.target.value)} spellCheck={false} />
          )}
        </Field>
        <DaysField
          value={days}
          onChange={setDays}
          hint="Chosen here, not by the request; the certificate never outlives its CA."
        />
        {clash && (
          <p className="field-warning" role="status">
            {clash.message}
          </p>
        )}
        {sign.formError && (
          <p className="error" role="alert">
            {sign.formError}
          </p>
        )}
        <button type="submit" disabled={sign.busy || !summary || !summary.signatureValid || !ca}>
          {sign.busy ? 'Signing…' : 'Sign'}
        </button>
      </form>
      {signed && (
        <IssuedResult
          heading="Signed certificate"
          name={signed.name}
          certPem={signed.certPem}
          chainPem={signed.chainPem}
          notes={signed.notes}
          meta={signed.meta}
        />
      )}
    </section>
  );
}
