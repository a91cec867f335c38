/** Issue one certificate (node, server or client) under a CA from the workspace. */
import { useState, type FormEvent } from 'react';
import type { KeyAlgorithmId } from '../../pki/index.ts';
import { CaSelect, issuerOf, useChosenCa } from '../../components/ca-select.tsx';
import { DaysField, daysError } from '../../components/days-field.tsx';
import { Field } from '../../components/field.tsx';
import { IssuedResult } from '../../components/issued-result.tsx';
import { KeyTypeSelect } from '../issuing/key-type-select.tsx';
import { ProfileSelect } from '../../components/profile-select.tsx';
import { Why } from '../../components/why.tsx';
import { appStore } from '../../store/index.ts';
import { callWorker, WorkerCallError } from '../../worker/client.ts';
import type { Issued, LeafProfile } from '../../worker/pki-contract.ts';
import { commonNameError, sansError } from './check-issue.ts';
import { issuedItem } from '../../flows/issued-item.ts';

export function IssueView() {
  const [profile, setProfile] = useState<LeafProfile>('node');
  const [cn, setCn] = useState('');
  const [sans, setSans] = useState('');
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithmId>('p256');
  const [days, setDays] = useState('365');
  const [caId, setCaId] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ field: string; message: string }>();
  const [issued, setIssued] = useState<Issued & { name: string }>();
  const ca = useChosenCa(caId, 'leaf');

  const errors = {
    cn: touched || cn ? commonNameError(cn) : undefined,
    sans: sansError(sans, profile, cn),
    days: daysError(days),
  };
  const fieldFailure = (field: string) => (failure?.field === field ? failure.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!ca || commonNameError(cn) || errors.sans || errors.days) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await callWorker('issueCertificate', { profile, commonName: cn.trim(), sans, keyAlgorithm, days: Number(days), issuer: issuerOf(ca) });
      appStore.getState().addItems([issuedItem(result, { kind: 'certificate', name: cn.trim(), parentId: ca.id })]);
      setIssued({ ...result, name: cn.trim() });
    } catch (e) {
      setFailure(e instanceof WorkerCallError ? { field: e.field, message: e.message } : { field: '', message: String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="issue-heading">
      <h2 id="issue-heading">Issue a certificate</h2>
      <form aria-label="Issue a certificate" onSubmit={(e) => void submit(e)} noValidate>
        <CaSelect purpose="leaf" value={ca?.id ?? ''} onChange={(id) => { setCaId(id); setFailure(undefined); }} error={failure?.field === 'issuer' ? failure.message : undefined} />
        <ProfileSelect value={profile} onChange={setProfile} />
        <Field label="Common name" error={errors.cn ?? fieldFailure('commonName')} hint="For a node or server, a host name or IP also goes into the SANs.">
          {(p) => <input {...p} value={cn} onChange={(e) => setCn(e.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label="Subject alternative names" error={errors.sans ?? fieldFailure('sans') ?? fieldFailure('san')}
          hint="Names and addresses the certificate is valid for: TLS clients check these, not the CN. Separate by commas, spaces or lines; DNS:, IP:, email:, URI: optional.">
          {(p) => <textarea {...p} rows={3} value={sans} onChange={(e) => setSans(e.target.value)} spellCheck={false} placeholder="node1.example, 10.0.0.1" />}
        </Field>
        <KeyTypeSelect value={keyAlgorithm} onChange={setKeyAlgorithm} />
        <DaysField value={days} onChange={setDays} hint="One year is a common choice; the certificate never outlives its CA (it is shortened, and you are told)." />
        {failure && !['commonName', 'sans', 'san', 'issuer'].includes(failure.field) && <p className="error" role="alert">{failure.message}</p>}
        <button type="submit" disabled={busy || !ca}>{busy ? 'Issuing…' : 'Issue certificate'}</button>
      </form>
      <Why>Each certificate gets a fresh key made in this page; it is stored only in this browser's workspace.</Why>
      {issued && (
        <IssuedResult heading="Issued certificate" name={issued.name} certPem={issued.certPem} chainPem={issued.chainPem} notes={issued.notes} meta={issued.meta}
          {...(issued.keyPem ? { keyPem: issued.keyPem } : {})} />
      )}
    </section>
  );
}
