/**
 * The downloadable JSON report: the items exactly as `certbench inspect --json` prints them (an
 * array of summaries), so a report from the browser and one from the CLI diff cleanly.
 */
import type { InspectReport } from '../../flows/inspect-report.ts';

export function reportJson(report: InspectReport): string {
  return `${JSON.stringify(
    report.items.map((i) => i.summary),
    null,
    2,
  )}\n`;
}
