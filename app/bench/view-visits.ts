/**
 * Part of section "browser": a first visit to each view through the main navigation, from the
 * click on its link to the first frame with the view drawn, by the page's own clock. Each view's
 * code loads on its first visit (app.tsx); the figure says how long a person waits for that, the
 * code's fetch and evaluation and the view's first render together. Before view changes were
 * transitions (lib/hash-route.ts) every first visit read 330-360 ms here: React 19 holds a
 * Suspense fallback for at least 300 ms once shown.
 */
import type { Browser } from 'playwright-core';
import { APP_READY } from './bench-inputs.ts';

/** Fresh pages; the median per view is printed. */
const PAGES = 3;
/** The views in the order they are visited, from the Cluster view (the first page), by their links' names. */
const VISITS = ['Authorities', 'Issue', 'Sign CSR', 'Inspect', 'Export', 'Workspace'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** What armStopwatch leaves on the page's global object: the next view change's time, once drawn. */
type VisitGlobals = { benchVisit?: Promise<number> };

/**
 * Runs in the page, before the click: times the next click to the first frame after `main` shows
 * another view, settled, into `benchVisit`.
 */
function armStopwatch(): void {
  const main = document.querySelector('main');
  const heading = () => main?.querySelector('h2[id$="-heading"]')?.id;
  const before = heading();
  (globalThis as VisitGlobals).benchVisit = new Promise((resolve) => {
    let start = NaN;
    addEventListener('click', () => void (start = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (Number.isNaN(start) || !main || main.hasAttribute('data-pending') || heading() === before) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

export async function viewVisits(browser: Browser, origin: string): Promise<void> {
  const times = new Map<string, number[]>(VISITS.map((v) => [v, []]));
  for (let p = 0; p < PAGES; p++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx names functions with a `__name` helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`${origin}/#/cluster`);
    await page.waitForSelector(APP_READY);
    await page.waitForSelector('main h2[id$="-heading"]');
    for (const label of VISITS) {
      await page.evaluate(armStopwatch);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
      times.get(label)?.push(await page.evaluate(() => (globalThis as VisitGlobals).benchVisit ?? NaN));
    }
    await page.close();
  }
  const each = VISITS.map((v) => `${v} ${median(times.get(v) ?? []).toFixed(0)}`);
  const worst = Math.max(...[...times.values()].flat());
  console.log(
    `browser: first visit to each view through the navigation, click to view drawn (its code loaded then; median of ${PAGES} fresh pages, ms): ${each.join(', ')}; slowest single visit ${worst.toFixed(0)} ms`,
  );
}
