/**
 * Offline, the worker's lazily loaded code is there too: the service worker stores every file of
 * the build when it installs (app/build/precache-plugin.ts), so an operation whose code was never
 * fetched while online (here Inspect, with the app opened on the Cluster view) still runs.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { InspectPage } from './pages/inspect-page.ts';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

test('offline, a worker operation whose code was never loaded online still runs', async ({ app, page, context }) => {
  const count = readFileSync(SYSTEM_BUNDLE, 'utf8').split('-----BEGIN CERTIFICATE-----').length - 1;
  expect(count, 'certificates in the system bundle (apt-get install -y ca-certificates)').toBeGreaterThan(50);
  await app.open();
  // Installed means stored: the install step holds until every file of the build is in the cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const loadedOnline = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(
    loadedOnline.filter((u) => /ops-inspect/.test(u)),
    'the Cluster view does not load the Inspect code',
  ).toEqual([]);
  await context.setOffline(true);
  try {
    await app.reload();
    await app.goTo('Inspect');
    const inspect = new InspectPage(page);
    await inspect.addFiles([SYSTEM_BUNDLE]);
    await expect(inspect.status).toHaveText(`${count} items read.`);
  } finally {
    await context.setOffline(false);
  }
});
