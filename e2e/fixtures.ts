/**
 * Playwright fixtures for every spec: page objects per view, and two guards that fail any test
 * in which the page sent a request outside its own origin (the app must never talk to anybody)
 * or logged a console error. Every page of the context counts its pending IndexedDB writes, so
 * AppPage.reload (and AppPage.flushSaves before closing a tab) never cuts a save short.
 *
 *   import { test, expect } from './fixtures.ts';
 *   test('…', async ({ app, cluster }) => { await app.open(); await cluster.setUp(…); });
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { ClusterPage } from './pages/cluster-page.ts';
import { AuthoritiesPage } from './pages/authorities-page.ts';
import { IssuePage } from './pages/issue-page.ts';
import { CsrPage } from './pages/csr-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { InspectPage } from './pages/inspect-page.ts';
import { ExportPage } from './pages/export-page.ts';
import { trackIdbWrites } from './pages/idb-writes.ts';

export interface Fixtures {
  app: AppPage;
  cluster: ClusterPage;
  authorities: AuthoritiesPage;
  issue: IssuePage;
  csr: CsrPage;
  workspace: WorkspacePage;
  inspect: InspectPage;
  exporter: ExportPage;
  /** Requests that left the app's origin (the guard fails the test when non-empty). */
  foreignRequests: string[];
  /** Console errors and uncaught page errors (the guard fails the test when non-empty). */
  consoleErrors: string[];
}

/** URLs that never leave the page: the app's own origin, inline data and blobs it made. */
function isOwn(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    await trackIdbWrites(context);
    await use(context);
  },
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
      const foreign: string[] = [];
      page.on('request', (req) => {
        if (!isOwn(req.url(), origin)) foreign.push(`${req.method()} ${req.url()}`);
      });
      page.context().on('serviceworker', (sw) => {
        if (!isOwn(sw.url(), origin)) foreign.push(`service worker ${sw.url()}`);
      });
      await use(foreign);
      expect(foreign, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
  cluster: async ({ page }, use) => {
    await use(new ClusterPage(page));
  },
  authorities: async ({ page }, use) => {
    await use(new AuthoritiesPage(page));
  },
  issue: async ({ page }, use) => {
    await use(new IssuePage(page));
  },
  csr: async ({ page }, use) => {
    await use(new CsrPage(page));
  },
  workspace: async ({ page }, use) => {
    await use(new WorkspacePage(page));
  },
  inspect: async ({ page }, use) => {
    await use(new InspectPage(page));
  },
  exporter: async ({ page }, use) => {
    await use(new ExportPage(page));
  },
});

export { expect };
