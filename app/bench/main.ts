/**
 * `npm run bench`: prints figures for issuance, reading and the browser page. A benchmark, not
 * a test: it never fails on a number. `npm run bench -- issue` runs one section.
 */
import 'reflect-metadata';
import { bench as issue } from './issue.ts';
import { bench as read } from './read.ts';
import { bench as browser } from './browser.ts';
import { bench as pkcs12 } from './pkcs12-mac.ts';
import { bench as mldsa } from './ml-dsa.ts';
import { bench as size } from './size.ts';
import { bench as trace } from './trace.ts';

const SECTIONS: Record<string, () => Promise<void>> = { issue, read, pkcs12, browser, mldsa, size, trace };
/** Run only when named (`npm run bench -- trace`): a diagnosis, not a figure. */
const ON_REQUEST = new Set(['trace']);

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length ? !wanted.includes(name) : ON_REQUEST.has(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
