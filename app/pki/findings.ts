/** A judgement about an item: a stable code, a severity, and a sentence a user understands. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
}
