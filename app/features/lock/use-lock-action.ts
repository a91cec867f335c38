/**
 * Runs one of the store's key lock actions for a form: `busy` while it runs, and its error put
 * beside the input it names (the error's field: 'password', 'passphrase', 'newPassphrase')
 * or, naming none, under the form.
 */
import { useState } from 'react';

export interface LockAction<F extends string> {
  run: (action: () => Promise<void>) => Promise<boolean>;
  busy: boolean;
  errorOf: (input: F) => string | undefined;
  formError: string | undefined;
  /** Show a problem found before running (two passphrases that differ). */
  fail: (input: F, message: string) => void;
  clear: () => void;
  /** `set`, forgetting the shown error first: the user is changing what it was about. */
  edited: <T>(set: (value: T) => void) => (value: T) => void;
}

export function useLockAction<F extends string>(inputs: readonly F[]): LockAction<F> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ input: F | undefined; message: string }>();
  return {
    async run(action) {
      setBusy(true);
      setError(undefined);
      try {
        await action();
        return true;
      } catch (e) {
        // The core's PkiError (in this thread) and the worker's WorkerCallError both carry `field`.
        const field = (e as { field?: unknown } | null)?.field;
        const input = inputs.find((i) => i === field);
        setError({ input, message: e instanceof Error ? e.message : String(e) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    busy,
    errorOf: (input) => (error?.input === input ? error.message : undefined),
    formError: error && error.input === undefined ? error.message : undefined,
    fail: (input, message) => setError({ input, message }),
    clear: () => setError(undefined),
    edited: (set) => (value) => {
      setError(undefined);
      set(value);
    },
  };
}
