/**
 * Tells the user, on every view, when the workspace cannot be kept: IndexedDB unavailable (a
 * private window, a blocked site), the storage full (QuotaExceededError) or another failed write.
 * What was made stays in memory; the banner points to the workspace export, and after a failed
 * write offers to try again (once space is freed).
 */
import { useState } from 'react';
import { retrySaves, useApp } from '../../store/index.ts';

export function StorageBanner() {
  const problem = useApp((s) => s.storageProblem);
  const [retrying, setRetrying] = useState(false);
  if (!problem) return null;
  return (
    <div className="banner warning storage-banner" role="alert">
      <strong>{problem.kind === 'unavailable' ? 'Not saved in this browser.' : 'Not saved.'}</strong> {problem.message}{' '}
      <a href="#/workspace">Export the workspace</a>
      {problem.kind !== 'unavailable' && (
        <>
          {' '}
          <button
            type="button"
            disabled={retrying}
            onClick={() => {
              setRetrying(true);
              void retrySaves().finally(() => setRetrying(false));
            }}
          >
            {retrying ? 'Saving…' : 'Try saving again'}
          </button>
        </>
      )}
    </div>
  );
}
