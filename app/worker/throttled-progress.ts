/**
 * Progress reports thinned out for the worker boundary: each report is a postMessage on both
 * threads, and a batch of 1000 certificates reported one by one spent a sixth of the worker's
 * time in postMessage (Chromium trace, npm run bench). A progress bar needs far fewer: the
 * first report, a label change, the last one (done === total), and otherwise one every
 * PROGRESS_INTERVAL_MS.
 */
import type { OpContext } from './protocol.ts';

export const PROGRESS_INTERVAL_MS = 50;

type Progress = OpContext['progress'];

export function throttledProgress(progress: Progress, now: () => number = () => performance.now()): Progress {
  let last = -Infinity;
  let lastLabel: string | undefined;
  return (done, total, label) => {
    const t = now();
    if (done < total && label === lastLabel && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    lastLabel = label;
    progress(done, total, label);
  };
}
