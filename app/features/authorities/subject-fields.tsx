/** The subject fields of a CA form: CN required, the rest optional. */
import { Field } from '../../components/field.tsx';
import type { SubjectInput } from '../../worker/pki-contract.ts';

export function subjectError(s: SubjectInput): { commonName?: string; country?: string } {
  const out: { commonName?: string; country?: string } = {};
  if (!s.commonName.trim()) out.commonName = 'Enter a common name: it is how people and tools will recognise this CA.';
  else if (s.commonName.trim().length > 64) out.commonName = 'At most 64 characters.';
  if (s.country && !/^[A-Za-z]{2}$/.test(s.country.trim())) out.country = 'Two letters (ISO 3166), e.g. DE.';
  return out;
}

/** Only the fields the user filled in, trimmed. */
export function cleanSubject(s: SubjectInput): SubjectInput {
  const out: SubjectInput = { commonName: s.commonName.trim() };
  for (const key of ['organization', 'organizationalUnit', 'country', 'state', 'locality'] as const) {
    const v = s[key]?.trim();
    if (v) out[key] = key === 'country' ? v.toUpperCase() : v;
  }
  return out;
}

export function SubjectFields({
  value,
  onChange,
  showErrors,
  serverError,
  nameWarning,
}: {
  value: SubjectInput;
  onChange: (s: SubjectInput) => void;
  showErrors: boolean;
  serverError?: string | undefined;
  /** A CA of this name is already in the workspace (issue 12): said beside the field, not blocking. */
  nameWarning?: string | undefined;
}) {
  const errors = subjectError(value);
  const set = (key: keyof SubjectInput) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <Field
        label="Common name"
        error={(showErrors || value.commonName ? errors.commonName : undefined) ?? serverError}
        warning={nameWarning}
      >
        {(p) => <input {...p} value={value.commonName} onChange={set('commonName')} autoComplete="off" />}
      </Field>
      <details>
        <summary>More subject fields (optional)</summary>
        <Field label="Organization">
          {(p) => (
            <input {...p} value={value.organization ?? ''} onChange={set('organization')} autoComplete="organization" />
          )}
        </Field>
        <Field label="Organizational unit">
          {(p) => (
            <input
              {...p}
              value={value.organizationalUnit ?? ''}
              onChange={set('organizationalUnit')}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Country" error={errors.country}>
          {(p) => (
            <input {...p} value={value.country ?? ''} onChange={set('country')} maxLength={2} autoComplete="country" />
          )}
        </Field>
        <Field label="State or province">
          {(p) => <input {...p} value={value.state ?? ''} onChange={set('state')} autoComplete="address-level1" />}
        </Field>
        <Field label="Locality">
          {(p) => (
            <input {...p} value={value.locality ?? ''} onChange={set('locality')} autoComplete="address-level2" />
          )}
        </Field>
      </details>
    </>
  );
}
