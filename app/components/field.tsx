/**
 * A labelled form control with its hint and its error beside it. The error is tied to the
 * control with aria-describedby and aria-invalid, so screen readers read it with the field.
 */
import { useId, type ReactElement, type ReactNode } from 'react';
import './field.css';

export interface FieldProps {
  label: string;
  /** One line on why this field matters or what it takes. */
  hint?: ReactNode;
  error?: string | undefined;
  /** Something to know that does not stop the form (a name already in the workspace); shown when there is no error. */
  warning?: string | undefined;
  /** Render the control with the ids it needs. */
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactElement;
}

export function Field({ label, hint, error, warning, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const shownWarning = error ? undefined : warning;
  const describedBy = [hint ? hintId : '', error ? errorId : '', shownWarning ? warningId : '']
    .filter(Boolean)
    .join(' ');
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
      {shownWarning && (
        <p className="field-warning" id={warningId}>
          <strong>Note:</strong> {shownWarning}
        </p>
      )}
    </div>
  );
}
