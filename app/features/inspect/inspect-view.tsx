/** Inspect view (placeholder until built by its owner). */
export function InspectView() {
  return <section aria-labelledby="inspect-heading"><h2 id="inspect-heading">Inspect</h2></section>;
}
