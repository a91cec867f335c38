/**
 * Rows drawn a few at a time, one batch per frame. The first layout of a page of inventory rows
 * is what made the workspace's open slow: fifty rows of cells and buttons laid out and painted
 * cold (text shaped for the first time) were one 40-190 ms task in Chromium traces on this
 * two-core machine, while script and React took a fraction of that. Drawing FIRST_ROWS at once
 * (more than a phone or a laptop shows above the fold) and BATCH_ROWS more per frame keeps every
 * task small, and the user sees the top rows as soon as before.
 */
import { useEffect, useState } from 'react';

/** Rows drawn in the first frame: a screenful on a laptop, more than a phone shows. */
export const FIRST_ROWS = 10;
/** Rows added per frame after the first. */
export const BATCH_ROWS = 10;

/**
 * How many of `total` rows to draw now. Starts at `first` (FIRST_ROWS) and grows by `each` (BATCH_ROWS) each frame
 * until `total`; starts over when `restart` changes (the caller's key: another page, another
 * filter), so a page of new rows is never laid out in one task. Between restarts the count only
 * grows: when the workspace changes (an item renewed, revoked, added by another tab) the rows
 * already drawn stay, with an open dialog or the focus in them.
 */
export function useDrawnCount(
  total: number,
  restart: unknown,
  { first = FIRST_ROWS, each = BATCH_ROWS }: { first?: number; each?: number } = {},
): number {
  const [state, setState] = useState({ restart, drawn: first });
  let drawn = state.drawn;
  if (state.restart !== restart) {
    // Adjusting state while rendering (React's documented pattern): no frame with the old count.
    drawn = first;
    setState({ restart, drawn });
  }
  useEffect(() => {
    if (drawn >= total) return;
    // One batch per frame: the batch drawn in this frame is laid out before the next one renders.
    const frame = requestAnimationFrame(() =>
      setState((s) => (s.restart === restart ? { restart, drawn: s.drawn + each } : s)),
    );
    return () => cancelAnimationFrame(frame);
  }, [drawn, total, restart, each]);
  return Math.min(drawn, total);
}
