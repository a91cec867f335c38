/** Benchmark section "browser": prints figures, never fails on them. Placeholder until built. */
export function bench(): Promise<void> {
  console.log('browser: not built yet');
  return Promise.resolve();
}
