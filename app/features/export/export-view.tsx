/** Export view (placeholder until built by its owner). */
export function ExportView() {
  return <section aria-labelledby="export-heading"><h2 id="export-heading">Export</h2></section>;
}
