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

const SECTIONS: Record<string, () => Promise<void>> = { issue, read, pkcs12, browser, mldsa, size };

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
