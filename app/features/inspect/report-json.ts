/**
 * The downloadable JSON report: the items exactly as `certbench inspect --json` prints them (an
 * array of summaries), so a report from the browser and one from the CLI diff cleanly.
 */
import type { InspectReport } from '../../worker/ops-inspect.ts';

export function reportJson(report: InspectReport): string {
  return `${JSON.stringify(report.items.map((i) => i.summary), null, 2)}\n`;
}

/** Save text as a file: a Blob behind a temporary object URL and an <a download> click. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
