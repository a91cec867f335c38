/**
 * The shell: the CSP comes first in <head>, the navigation holds the names automation relies on,
 * every view opens, and once loaded the app works offline through its service worker.
 */
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

test('once loaded, the app works offline', async ({ app, page, context }) => {
  await app.open();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // The first load happened before the worker controlled the page; one more load fills the cache.
  await app.reload();
  await app.goTo('Authorities');
  await context.setOffline(true);
  try {
    await app.reload();
    await app.goTo('Authorities');
    await expect(page.getByRole('form', { name: 'Create a root CA' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
