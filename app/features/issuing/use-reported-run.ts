/**
 * Run one lifecycle action at a time and report it: `busy` while it runs, its sentence on success
 * through `onMessage`, "<what> failed: <reason>" through `onFailure` (by default `onMessage` too,
 * for views with one status line). The CA tree of Authorities, the workspace inventory's rows and
 * the Cluster view's list of clusters report their actions this way.
 */
import { useState } from 'react';
import { errorMessage } from '../../worker/client.ts';

export function useReportedRun(
  onMessage: (text: string) => void,
  onFailure: (text: string) => void = onMessage,
): {
  busy: boolean;
  run: (what: string, action: () => Promise<string>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const run = async (what: string, action: () => Promise<string>) => {
    setBusy(true);
    try {
      onMessage(await action());
    } catch (e) {
      onFailure(`${what} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
