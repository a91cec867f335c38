/**
 * Run one lifecycle action at a time and report it: `busy` while it runs, its sentence on success,
 * "<what> failed: <reason>" on failure, both through `onMessage`. The CA tree of Authorities and
 * the workspace inventory's rows report their actions this way.
 */
import { useState } from 'react';
import { errorMessage } from '../../worker/client.ts';

export function useReportedRun(onMessage: (text: string) => void): {
  busy: boolean;
  run: (what: string, action: () => Promise<string>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const run = async (what: string, action: () => Promise<string>) => {
    setBusy(true);
    try {
      onMessage(await action());
    } catch (e) {
      onMessage(`${what} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
