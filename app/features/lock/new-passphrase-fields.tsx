/** A new passphrase typed twice, with the rule said up front and a mismatch said beside the second box. */
import { MIN_LOCK_PASSPHRASE } from '../../store/index.ts';
import { PassphraseField } from './passphrase-field.tsx';

export interface NewPassphrase {
  value: string;
  repeat: string;
}

/** The message for a repeat that differs, or undefined when both agree. */
export function mismatch({ value, repeat }: NewPassphrase): string | undefined {
  return value === repeat ? undefined : 'The two passphrases differ: type the same one in both boxes.';
}

export function NewPassphraseFields({
  label,
  value,
  onChange,
  error,
  repeatError,
}: {
  label: string;
  value: NewPassphrase;
  onChange: (next: NewPassphrase) => void;
  error: string | undefined;
  repeatError: string | undefined;
}) {
  return (
    <>
      <PassphraseField
        label={label}
        value={value.value}
        onChange={(v) => onChange({ ...value, value: v })}
        autoComplete="new-password"
        hint={`At least ${MIN_LOCK_PASSPHRASE} characters; a few unrelated words are easier to remember than symbols.`}
        error={error}
      />
      <PassphraseField
        label="Repeat the passphrase"
        value={value.repeat}
        onChange={(v) => onChange({ ...value, repeat: v })}
        autoComplete="new-password"
        error={repeatError}
      />
    </>
  );
}
