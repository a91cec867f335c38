/** Benchmark section "read": prints figures, never fails on them. Placeholder until built. */
export function bench(): Promise<void> {
  console.log('read: not built yet');
  return Promise.resolve();
}
