/**
 * False when a component is first drawn, true a frame later (a transition). What is drawn behind
 * it lands in a task of its own after that frame is painted: the Cluster result shows its heading
 * and Download bundle first, then its snippets (a thousand nodes' host lists and picker), instead
 * of all of it in one task.
 */
import { startTransition, useEffect, useState } from 'react';

const nextFrame = (run: () => void) => requestAnimationFrame(run);
const cancelFrame = (handle: number) => cancelAnimationFrame(handle);

export function useAfterFirstFrame(schedule = nextFrame, unschedule = cancelFrame): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const handle = schedule(() => startTransition(() => setAfter(true)));
    return () => unschedule(handle);
  }, [schedule, unschedule]);
  return after;
}
