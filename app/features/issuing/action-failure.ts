/**
 * What a failed worker action tells a form: the message, and which of the form's own inputs it
 * belongs to. A form declares its inputs as a typed union and, for each, the field names the core
 * and the worker use for it (the Cluster form shows the core's 'sans' errors beside its Nodes box),
 * so no view compares free strings ('san' / 'sans' / 'nodes') any more.
 */
import { WorkerCallError } from '../../worker/client.ts';

export interface ActionFailure {
  /** The core's error code, 'cancelled' when the user stopped the action, 'internal' for anything else thrown. */
  code: string;
  /** The core's field name ('' for none). */
  field: string;
  message: string;
}

/** Each input of a form and the core field names shown beside it. */
export type FieldMap<F extends string> = Readonly<Record<F, readonly string[]>>;

export function failureOf(e: unknown): ActionFailure {
  if (e instanceof WorkerCallError) return { code: e.code, field: e.field, message: e.message };
  return { code: 'internal', field: '', message: e instanceof Error ? e.message : String(e) };
}

/** The input a failure belongs to; undefined when it belongs to none (the form shows it as a whole). */
export function inputOf<F extends string>(failure: ActionFailure, fields: FieldMap<F>): F | undefined {
  return (Object.keys(fields) as F[]).find((f) => fields[f].includes(failure.field));
}
