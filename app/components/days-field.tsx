/** A validity in whole days, with its error beside it. */
import { Field } from './field.tsx';

export function daysError(text: string): string | undefined {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > 36_500)
    return 'Validity is a whole number of days from 1 to 36500.';
  return undefined;
}

export function DaysField({
  label = 'Validity (days)',
  value,
  onChange,
  hint,
}: {
  label?: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint} error={daysError(value)}>
      {(p) => <input {...p} type="text" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
