/** Create a root CA, or an intermediate under a CA of the workspace. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyAlgorithmId } from '../../pki/index.ts';
import { CaSelect, unlockedIssuerOf, useChosenCa } from '../../components/ca-select.tsx';
import { DaysField, daysError } from '../../components/days-field.tsx';
import { Field } from '../../components/field.tsx';
import { ResultHeading } from '../../components/result-heading.tsx';
import { KeyTypeSelect } from '../issuing/key-type-select.tsx';
import { appStore, selectItemList, useApp } from '../../store/index.ts';
import { caNameClash } from '../issuing/name-clashes.ts';
import { callWorker, warmOnFirstFocus } from '../../worker/client.ts';
import type { CreateCaArgs, SubjectInput } from '../../worker/pki-contract.ts';
import { useWorkerAction } from '../issuing/use-worker-action.ts';
import { cleanSubject, SubjectFields, subjectError } from './subject-fields.tsx';
import { issuedItem } from '../../flows/issued-item.ts';

function pathLengthError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return /^\d{1,2}$/.test(text.trim())
    ? undefined
    : 'A whole number of CAs allowed below this one (0 = it issues only leaves), or empty for no limit.';
}

/** This form's submit calls the worker's createCa: its code loads from the first focus in the form. */
const warmCreateCa = warmOnFirstFocus('createCa');

export function CreateCaForm({ kind }: { kind: 'root' | 'intermediate' }) {
  const intermediate = kind === 'intermediate';
  const [subject, setSubject] = useState<SubjectInput>({ commonName: '' });
  const [keyAlgorithm, setKeyAlgorithm] = useState<KeyAlgorithmId>('p256');
  const [days, setDays] = useState(intermediate ? '1825' : '3650');
  const [pathLength, setPathLength] = useState(intermediate ? '0' : '');
  const [caId, setCaId] = useState('');
  const [touched, setTouched] = useState(false);
  // A root form has no issuer input: an issuer error there is the form's own message.
  const create = useWorkerAction((args: CreateCaArgs) => callWorker('createCa', args), {
    commonName: ['commonName'],
    pathLength: ['pathLength'],
    issuer: intermediate ? ['issuer'] : [],
  });
  const [made, setMade] = useState<{ name: string; notes: string[] }>();
  const madeHeadingId = useId();
  const issuer = useChosenCa(caId, 'sub-ca');
  const title = intermediate ? 'Create an intermediate CA' : 'Create a root CA';
  // A problem with the folded limits opens them, so the message is seen beside its field.
  const limitsRef = useRef<HTMLDetailsElement>(null);
  const limitsProblem = Boolean(daysError(days) ?? pathLengthError(pathLength) ?? create.fieldError('pathLength'));
  useEffect(() => {
    if (limitsProblem && limitsRef.current) limitsRef.current.open = true;
  }, [limitsProblem]);
  // A second "dup CA" is valid X.509 but hard to tell apart: warned as typed, before anything is made.
  const nameClash = caNameClash(useApp(selectItemList), subject.commonName);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const errs = subjectError(subject);
    if (errs.commonName || errs.country || daysError(days) || pathLengthError(pathLength) || (intermediate && !issuer))
      return;
    setMade(undefined);
    const signer = intermediate && issuer ? await unlockedIssuerOf(issuer, 'Creating an intermediate CA') : undefined;
    if (intermediate && !signer) return;
    const clean = cleanSubject(subject);
    const result = await create.run({
      subject: clean,
      keyAlgorithm,
      days: Number(days),
      ...(pathLength.trim() ? { pathLength: Number(pathLength) } : {}),
      ...(signer ? { issuer: signer } : {}),
    });
    if (result) {
      appStore.getState().addItems([
        issuedItem(result, {
          kind: 'ca',
          name: clean.commonName,
          ...(intermediate && issuer ? { parentId: issuer.id } : {}),
          meta: { profile: kind },
        }),
      ]);
      setMade({ name: clean.commonName, notes: result.notes });
      setSubject({ commonName: '' });
      // Stay on the issuer just used: the new CA is newest, and would otherwise become the default.
      if (intermediate && issuer) setCaId(issuer.id);
      // The emptied form is ready for the next CA, not in error.
      setTouched(false);
    }
  };

  return (
    <form aria-label={title} onSubmit={(e) => void submit(e)} onFocus={warmCreateCa} noValidate>
      <h3>{title}</h3>
      {intermediate ? (
        <p className="why">
          An intermediate signs day-to-day certificates so the root's key can stay offline; clients still trust only the
          root.
        </p>
      ) : (
        <p className="why">
          A root CA is what every node and client trusts; keep its key safe: whoever holds it can mint certificates your
          cluster accepts.
        </p>
      )}
      {intermediate && (
        <CaSelect
          purpose="sub-ca"
          noCaHint="Create a root CA first (or import one); it is offered here."
          value={issuer?.id ?? ''}
          onChange={(id) => {
            setCaId(id);
            create.clear();
          }}
          error={create.fieldError('issuer')}
        />
      )}
      <KeyTypeSelect value={keyAlgorithm} onChange={setKeyAlgorithm} />
      <SubjectFields
        value={subject}
        onChange={setSubject}
        showErrors={touched}
        serverError={create.fieldError('commonName')}
        nameWarning={nameClash?.message}
      />
      {/* Defaults that suit most CAs, folded so the Create button stays in the first screen (issue 12). */}
      <details ref={limitsRef} className="ca-limits">
        <summary>
          Validity {days} days, path length {pathLength.trim() === '' ? 'no limit' : pathLength.trim()}
        </summary>
        <DaysField
          value={days}
          onChange={setDays}
          hint={
            intermediate
              ? 'Shorter than the root; it cannot outlive it.'
              : 'Ten years is usual for a private root; everything it issues must expire before it.'
          }
        />
        <Field
          label="Path length"
          error={pathLengthError(pathLength) ?? create.fieldError('pathLength')}
          hint="How many CAs may sit below this one. 0 means it signs only leaf certificates; empty means no limit."
        >
          {(p) => (
            <input {...p} inputMode="numeric" value={pathLength} onChange={(e) => setPathLength(e.target.value)} />
          )}
        </Field>
      </details>
      {create.formError && (
        <p className="error" role="alert">
          {create.formError}
        </p>
      )}
      {made && (
        <section className="made" aria-labelledby={madeHeadingId}>
          <ResultHeading level={4} id={madeHeadingId} revealKey={made}>
            Created {made.name}
          </ResultHeading>
          {made.notes.length > 0 && (
            <ul className="notes">
              {made.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <button type="submit" disabled={create.busy || (intermediate && !issuer)}>
        {create.busy ? 'Creating…' : 'Create CA'}
      </button>
    </form>
  );
}
