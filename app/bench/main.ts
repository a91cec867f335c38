/**
 * `npm run bench`: prints figures for issuance, reading and the browser page. A benchmark, not
 * a test: it never fails on a number. `npm run bench -- issue` runs one section.
 *
 * Sections are imported only when they run, so one section does not pay for (or inherit the
 * open handles of) the modules of another.
 */
import 'reflect-metadata';

type Section = () => Promise<{ bench: () => Promise<void> }>;

const SECTIONS: Record<string, Section> = {
  issue: () => import('./issue.ts'),
  read: () => import('./read.ts'),
  pkcs12: () => import('./pkcs12-mac.ts'),
  browser: () => import('./browser.ts'),
  inspect: () => import('./browser-read.ts'),
  mldsa: () => import('./ml-dsa.ts'),
  size: () => import('./size.ts'),
  trace: () => import('./trace.ts'),
};
/**
 * Run only when named (`npm run bench -- trace`): a diagnosis, not a figure; or, for inspect, a
 * figure the browser section prints too.
 */
const ON_REQUEST = new Set(['trace', 'inspect']);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  process.stderr.write(
    `bench: no section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}\n`,
  );
  process.exit(2);
}
for (const [name, load] of Object.entries(SECTIONS)) {
  if (wanted.length ? !wanted.includes(name) : ON_REQUEST.has(name)) continue;
  console.log(`\n## ${name}`);
  await (await load()).bench();
}
// The one handle left open after the sections: the browser section (workspace-open.ts) imports
// features/cluster/save-cluster.ts, which imports app/store/index.ts, and that module creates the
// app's store at import, with a BroadcastChannel (item-storage.ts) that has no close: a tab's
// store lives as long as the tab. In Node an open BroadcastChannel keeps the process alive, so
// without this exit `npm run bench` hung for good after printing. Every section has finished
// and awaited its own work here (browsers closed, servers stopped, temporary folders removed).
process.exit(0);
