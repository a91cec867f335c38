/**
 * One hook for a form that runs a worker action: `run` calls it and keeps the form's state,
 * `busy` while it runs, `failure` when it failed, `fieldError(input)` for the message beside an
 * input, `formError` for a message that belongs to no input. Replaces the copies of the
 * WorkerCallError → { field, message } mapping in each view.
 */
import { useCallback, useState } from 'react';
import { failureOf, inputOf, type ActionFailure, type FieldMap } from './action-failure.ts';

export interface WorkerAction<A extends unknown[], R, F extends string> {
  /** Run the action; resolves with its result, or undefined when it failed (see `failure`). */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  failure: ActionFailure | undefined;
  fieldError: (input: F) => string | undefined;
  formError: string | undefined;
  /** Forget the failure (the user changed what it was about). */
  clear: () => void;
}

export function useWorkerAction<A extends unknown[], R, F extends string>(
  action: (...args: A) => Promise<R>,
  fields: FieldMap<F>,
): WorkerAction<A, R, F> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure>();
  const run = async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setFailure(undefined);
    try {
      return await action(...args);
    } catch (e) {
      setFailure(failureOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const at = failure ? inputOf(failure, fields) : undefined;
  return {
    run,
    busy,
    failure,
    fieldError: (input) => (failure && at === input ? failure.message : undefined),
    formError: failure && at === undefined ? failure.message : undefined,
    clear: useCallback(() => setFailure(undefined), []),
  };
}
