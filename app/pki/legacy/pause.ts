/**
 * Long synchronous loops (a million KDF rounds) run in slices with a pause between them, so the
 * reader's time-budget timer can fire and the caller can stop. The deadline also carries what
 * is running, so the time-out message can name the cause ("1,000,000 iterations of SHA-1").
 */
export interface Deadline {
  expired: boolean;
  /** What is running now, in words, for the message when time runs out. */
  activity?: string;
}

/** Rounds run between pauses: about 20–60 ms of hashing. */
const SLICE = 1 << 16;

/** A macrotask boundary: timers (the time budget) get their turn. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Run `step(count)` until `rounds` rounds are done, at most SLICE at a time, pausing between
 * slices. Returns false when the deadline expired first (the caller then stops).
 */
export async function runInSlices(
  rounds: number,
  step: (count: number) => void,
  deadline?: Deadline,
): Promise<boolean> {
  for (let done = 0; done < rounds;) {
    if (deadline?.expired) return false;
    const count = Math.min(SLICE, rounds - done);
    step(count);
    done += count;
    if (done < rounds) await pause();
  }
  return true;
}

/** Run `work` with `activity` recorded on the deadline, so a time-out meanwhile names it. */
export async function during<T>(deadline: Deadline | undefined, activity: string, work: () => Promise<T>): Promise<T> {
  if (!deadline) return work();
  const before = deadline.activity;
  deadline.activity = activity;
  try {
    return await work();
  } finally {
    if (!deadline.expired) deadline.activity = before;
  }
}
