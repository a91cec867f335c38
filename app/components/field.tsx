/**
 * A labelled form control with its hint and its error beside it. The error is tied to the
 * control with aria-describedby and aria-invalid, so screen readers read it with the field.
 */
import { useId, type ReactElement, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  /** One line on why this field matters or what it takes. */
  hint?: ReactNode;
  error?: string | undefined;
  /** Render the control with the ids it needs. */
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactElement;
}

export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
