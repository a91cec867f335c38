/** Issue one certificate (node, server or client) under a CA from the workspace. */
import { useState, type FormEvent } from 'react';
import type { KeyAlgorithmId } from '../../pki/index.ts';
import { CaSelect, unlockedIssuerOf, useChosenCa } from '../../components/ca-select.tsx';
import { DaysField, daysError } from '../../components/days-field.tsx';
import { Field } from '../../components/field.tsx';
import { IssuedResult } from '../../components/issued-result.tsx';
import { KeyTypeSelect } from '../issuing/key-type-select.tsx';
import { ProfileSelect } from '../../components/profile-select.tsx';
import { Why } from '../../components/why.tsx';
import { appStore, selectItemList, useApp } from '../../store/index.ts';
import { callWorker, warmOnFirstFocus } from '../../worker/client.ts';
import type { Issued, IssueArgs, LeafProfile } from '../../worker/pki-contract.ts';
import { useWorkerAction } from '../issuing/use-worker-action.ts';
import { commonNameError } from './check-issue.ts';
import { addedSanPreview, leafSansError } from '../issuing/leaf-sans-check.ts';
import { leafNameClash } from '../issuing/name-clashes.ts';
import { issuedItem } from '../../flows/issued-item.ts';

/** This form's submit calls the worker's issueCertificate: its code loads from the first focus in the form. */
const warmIssue = warmOnFirstFocus('issueCertificate');

export function IssueView() {
  const [profile, setProfile] = useState<LeafProfile>('node');
  const [cn, setCn] = useState('');
  const [sans, setSans] = useState('');
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithmId>('p256');
  const [days, setDays] = useState('365');
  const [caId, setCaId] = useState('');
  const [touched, setTouched] = useState(false);
  const issue = useWorkerAction((args: IssueArgs) => callWorker('issueCertificate', args), {
    issuer: ['issuer'],
    commonName: ['commonName'],
    sans: ['sans', 'san'],
  });
  const [issued, setIssued] = useState<Issued & { name: string }>();
  const ca = useChosenCa(caId, 'leaf');
  // A certificate of this name under the chosen CA already (a renewal, or a client named like a node): said as typed.
  const clash = leafNameClash(useApp(selectItemList), ca, cn, profile);

  const errors = {
    cn: touched || cn ? commonNameError(cn) : undefined,
    // Not before the user has typed or pressed Issue: an empty first visit is waiting, not in error.
    sans: touched || sans || cn ? leafSansError(sans, profile, cn) : undefined,
    days: daysError(days),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!ca || commonNameError(cn) || leafSansError(sans, profile, cn) || errors.days) return;
    // The last result goes as this run starts: shown while a new one is on its way (or waiting on
    // the unlock prompt), its Download buttons would hand out the previous certificate.
    setIssued(undefined);
    const issuer = await unlockedIssuerOf(ca, 'Issuing a certificate');
    if (!issuer) return;
    const result = await issue.run({
      profile,
      commonName: cn.trim(),
      sans,
      keyAlgorithm,
      days: Number(days),
      issuer,
    });
    if (!result) return;
    appStore.getState().addItems([issuedItem(result, { kind: 'certificate', name: cn.trim(), parentId: ca.id })]);
    setIssued({ ...result, name: cn.trim() });
  };

  return (
    <section aria-labelledby="issue-heading">
      <h2 id="issue-heading">Issue a certificate</h2>
      <form aria-label="Issue a certificate" onSubmit={(e) => void submit(e)} onFocus={warmIssue} noValidate>
        <CaSelect
          purpose="leaf"
          value={ca?.id ?? ''}
          onChange={(id) => {
            setCaId(id);
            issue.clear();
          }}
          error={issue.fieldError('issuer')}
        />
        <ProfileSelect value={profile} onChange={setProfile} />
        <Field
          label="Common name"
          error={errors.cn ?? issue.fieldError('commonName')}
          warning={clash?.message}
          hint="For a node or server, a host name or IP also goes into the SANs."
        >
          {(p) => (
            <input {...p} value={cn} onChange={(e) => setCn(e.target.value)} autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <Field
          label="Subject alternative names"
          error={errors.sans ?? issue.fieldError('sans')}
          warning={addedSanPreview(sans, profile, cn)}
          hint="Names and addresses the certificate is valid for: TLS clients check these, not the CN. Separate by commas, spaces or lines; DNS:, IP:, email:, URI: optional."
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={sans}
              onChange={(e) => setSans(e.target.value)}
              spellCheck={false}
              placeholder="node1.example, 10.0.0.1"
            />
          )}
        </Field>
        <KeyTypeSelect value={keyAlgorithm} onChange={setKeyAlgorithm} />
        <DaysField
          value={days}
          onChange={setDays}
          hint="One year is a common choice; the certificate never outlives its CA (it is shortened, and you are told)."
        />
        {issue.formError && (
          <p className="error" role="alert">
            {issue.formError}
          </p>
        )}
        <button type="submit" disabled={issue.busy || !ca}>
          {issue.busy ? 'Issuing…' : 'Issue certificate'}
        </button>
      </form>
      <Why>Each certificate gets a fresh key made in this page; it is stored only in this browser's workspace.</Why>
      {issued && (
        <IssuedResult
          heading="Issued certificate"
          name={issued.name}
          certPem={issued.certPem}
          chainPem={issued.chainPem}
          notes={issued.notes}
          meta={issued.meta}
          {...(issued.keyPem ? { keyPem: issued.keyPem } : {})}
        />
      )}
    </section>
  );
}
