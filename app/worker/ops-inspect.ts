/** Worker operations for reading and judging (owned by the Inspect feature's author). */
export const INSPECT_OPS = {};
