/** A passphrase input with its label, hint and error beside it. */
import { Field } from '../../components/field.tsx';

export interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'current-password' to fill a saved one in, 'new-password' when choosing one. */
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
  error?: string | undefined;
}

export function PassphraseField({ label, value, onChange, autoComplete, hint, error }: PassphraseFieldProps) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
