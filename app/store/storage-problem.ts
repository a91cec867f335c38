/**
 * Why the workspace cannot be kept, in words for the banner (app/features/shell/storage-banner.tsx).
 * Whatever happens, what the tab made stays in memory: the words say so and point to the export.
 */

export interface StorageProblem {
  /** 'unavailable': the browser keeps nothing (no IndexedDB, a private window); 'full': quota; 'failed': any other write error. */
  kind: 'unavailable' | 'full' | 'failed';
  message: string;
}

const KEEP = 'Everything made in this tab stays here until the tab closes: export the workspace to keep it.';

/** The error's DOMException name ('QuotaExceededError', …), or undefined. */
function errorName(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reading failed or IndexedDB is missing: nothing can be kept at all. */
export function unavailableProblem(error?: unknown): StorageProblem {
  const why = error === undefined ? 'this browser offers no IndexedDB' : `IndexedDB refused: ${errorText(error)}`;
  return {
    kind: 'unavailable',
    message: `This browser does not let certbench keep your workspace (${why}; private windows often do this). ${KEEP}`,
  };
}

/** A write failed: the storage is full (QuotaExceededError) or something else went wrong. */
export function writeProblem(error: unknown): StorageProblem {
  // Chromium reports a full disk or origin quota as QuotaExceededError; an aborted transaction may carry it too.
  const full = errorName(error) === 'QuotaExceededError' || /quota/i.test(errorText(error));
  return full
    ? {
        kind: 'full',
        message: `The browser's storage for certbench is full, so your latest changes are not saved. ${KEEP} Then free some space (delete items you no longer need, or other sites' data) and try again.`,
      }
    : {
        kind: 'failed',
        message: `Your latest changes could not be saved (${errorText(error)}). ${KEEP}`,
      };
}
