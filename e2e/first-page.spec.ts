/**
 * The shell: the CSP comes first in <head>, the navigation holds the names automation relies on,
 * every view opens, the first-visit introduction leads the way until hidden, and once loaded the
 * app works offline through its service worker.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { ViewName } from './pages/app-page.ts';

const VIEWS: ViewName[] = ['Cluster', 'Authorities', 'Issue', 'Sign CSR', 'Inspect', 'Export', 'Workspace'];

test('the first page carries its CSP first, and every view opens from the navigation', async ({ app, page }) => {
  await app.open();
  const first = await page.evaluate(() => {
    const el = document.head.firstElementChild;
    return el?.getAttribute('http-equiv') === 'Content-Security-Policy' ? el.getAttribute('content') : null;
  });
  expect(first).toContain("connect-src 'none'");
  await expect(page.getByRole('heading', { level: 1, name: 'certbench' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0); // no insecure-context banner on 127.0.0.1
  for (const name of VIEWS) {
    await app.goTo(name);
    await expect(app.navLink(name)).toHaveAttribute('aria-current', 'page');
  }
});

test('the keyboard reaches the navigation and the skip link', async ({ app, page }) => {
  await app.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.navLink('Cluster')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /authorities/i })).toBeVisible();
});

test('the first-visit introduction: three steps that lead to their views, hidden for good once dismissed', async ({
  app,
  page,
}) => {
  await app.open();
  const intro = page.getByRole('complementary', { name: 'Getting started' });
  await expect(intro.getByRole('listitem')).toHaveCount(3);
  await intro.getByRole('link', { name: 'Make a CA' }).click();
  await expect(app.navLink('Authorities')).toHaveAttribute('aria-current', 'page');
  // It stays while one finds one's way around: every view shows it until it is hidden.
  await intro.getByRole('link', { name: 'Inspect' }).click();
  await expect(app.navLink('Inspect')).toHaveAttribute('aria-current', 'page');
  await expect(intro).toBeVisible();
  await intro.getByRole('button', { name: 'Hide this introduction' }).click();
  await expect(intro).toHaveCount(0);
  await app.reload();
  await app.goTo('Cluster');
  await expect(page.getByRole('heading', { level: 2, name: 'Cluster setup' })).toBeVisible();
  await expect(intro).toHaveCount(0);
});

test('once loaded, the app works offline', async ({ app, page, context }) => {
  await app.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load happened before the worker controlled the page; one more load, through the
  // worker, fills the cache.
  await app.reload();
  expect(
    await page.evaluate(() => navigator.serviceWorker.controller !== null),
    'the service worker controls the reloaded page',
  ).toBe(true);
  await app.goTo('Authorities');
  // The worker stores each file after handing it to the page, so the page can be running while
  // a file is not stored yet: going offline then would make the test depend on that race.
  await expect
    .poll(() => notCached(page), { message: 'files the page loaded that the service worker has not stored yet' })
    .toEqual([]);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await context.setOffline(true);
  try {
    // The premise: the network is gone for the service worker too, so what loads next comes from its cache.
    expect(
      await worker.evaluate(() =>
        fetch('./favicon.svg?offline-probe').then(
          () => 'fetched',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await app.reload();
    await app.goTo('Authorities');
    await expect(page.getByRole('form', { name: 'Create a root CA' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

/** Same-origin files this document loaded that are not in the service worker's cache. */
function notCached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls = [
      location.href.replace(/#.*$/, ''),
      ...performance.getEntriesByType('resource').map((e) => e.name),
    ].filter((u) => new URL(u).origin === location.origin && /^https?:/.test(u));
    const missing: string[] = [];
    // The server answers with Vary: Origin and module scripts are fetched with an Origin header.
    for (const u of urls) if (!(await caches.match(u, { ignoreVary: true }))) missing.push(u);
    return missing;
  });
}
