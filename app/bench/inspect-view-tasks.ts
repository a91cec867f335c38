/**
 * The Inspect view reading the system CA bundle, as a person does it on a fresh page (file input,
 * the report, every row of the table drawn), and the page's longest main-thread tasks meanwhile:
 * by CPU from a Chromium trace (what the machine's load does not stretch) and by wall time from
 * the long-task API (issue 14: no main-thread task over 50 ms). Part of section "inspect".
 */
import type { Browser } from 'playwright-core';
import { longestTaskMs, watchLongTasks } from './browser.ts';
import { longestTasksText, tasksByCpu, TASK_TRACE_CATEGORIES } from './trace-tasks.ts';
import { APP_READY } from './bench-inputs.ts';

/** Fresh pages read the bundle, one after another; the worst of them is printed. */
const PAGES = 3;

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** `origin` serves the built app; `bundle` is the file given, holding `certs` certificates. */
export async function inspectViewTasks(browser: Browser, origin: string, bundle: string, certs: number): Promise<void> {
  const cpu: number[] = [];
  const wall: number[] = [];
  const elapsed: number[] = [];
  let worst = '';
  for (let i = 0; i < PAGES; i++) {
    const page = await browser.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`${origin}/#/inspect`);
    await page.waitForSelector(APP_READY);
    await watchLongTasks(page);
    await browser.startTracing(page, { categories: TASK_TRACE_CATEGORIES });
    const t0 = Date.now();
    await page.getByLabel('Add files').setInputFiles(bundle);
    // Every row drawn (the header row besides): the table adds a batch a frame.
    await page
      .getByRole('table', { name: 'Certificates read' })
      .getByRole('row')
      .nth(certs)
      .waitFor({ timeout: 60_000 });
    elapsed.push(Date.now() - t0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const tasks = tasksByCpu(await browser.stopTracing());
    const longest = await longestTaskMs(page);
    if ((tasks[0]?.cpu ?? 0) >= Math.max(0, ...cpu)) worst = longestTasksText(tasks);
    cpu.push(tasks[0]?.cpu ?? 0);
    wall.push(longest);
    await page.close();
  }
  console.log(
    `inspect: the Inspect view reading the system CA bundle (${certs} certificates, file input to every row drawn, ${PAGES} fresh pages): ` +
      `${elapsed.map((e) => ms(e)).join(', ')} (polled, under a trace); longest main-thread task by CPU ${ms(Math.max(...cpu))}, ` +
      `by the long-task API ${Math.max(...wall) ? ms(Math.max(...wall)) : 'none over 50 ms'}; the worst page's longest tasks: ${worst}`,
  );
}
