/**
 * Issue 11: a workspace that cannot be stored says so plainly and loses nothing. Two browsers
 * are simulated by init scripts: one whose IndexedDB refuses to open (as private windows have
 * done), one whose storage is full (every put throws QuotaExceededError until the test frees it).
 * In both, a cluster made in the tab stays usable and the workspace export holds every key.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __storageFull?: boolean;
  }
}

/** The banner every view shows when the workspace cannot be kept. */
const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'Not saved' });

/** The exported workspace file's items, by name, with whether each holds its private key. */
async function exported(page: Page, path: string): Promise<Record<string, boolean>> {
  const form = page.getByRole('form', { name: 'Export the workspace' });
  const wait = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Export workspace' }).click();
  await (await wait).saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { items: { name: string; keyPem?: string }[] };
  return Object.fromEntries(file.items.map((i) => [i.name, /PRIVATE KEY/.test(i.keyPem ?? '')]));
}

test('IndexedDB unavailable (a private window): the banner says so, work goes on in memory, export keeps it', async ({
  app,
  cluster,
  workspace,
  page,
}, info) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    };
  });
  await app.open();
  await expect(banner(page)).toContainText('does not let certbench keep your workspace');
  await expect(banner(page)).toContainText('private window');
  await cluster.create({ name: 'private', nodes: 'n1 10.7.0.1', clients: 'app', target: 'generic' });

  await banner(page).getByRole('link', { name: 'Export the workspace' }).click();
  await expect(workspace.item('n1')).toBeVisible();
  await expect(workspace.item('app')).toBeVisible();
  expect(await exported(page, info.outputPath('private.json'))).toMatchObject({
    'private CA': true,
    n1: true,
    app: true,
  });
});

test('storage full: the banner names it, nothing is lost, and Try saving again stores it once space is freed', async ({
  app,
  cluster,
  workspace,
  page,
}, info) => {
  await page.addInitScript(() => {
    // Survives the reload at the end: the test frees the space for the rest of the session.
    window.__storageFull = sessionStorage.getItem('storage-freed') === null;
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value as IDBObjectStore['put'];
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await app.open();
  await expect(banner(page)).toHaveCount(0);
  await cluster.create({ name: 'full', nodes: 'n1 10.8.0.1\nn2 10.8.0.2', clients: 'app', target: 'generic' });
  await expect(banner(page)).toContainText('storage for certbench is full');

  await app.goTo('Workspace');
  for (const name of ['full CA', 'n1', 'n2', 'app']) await expect(workspace.item(name)).toBeVisible();
  expect(await exported(page, info.outputPath('full.json'))).toMatchObject({
    'full CA': true,
    n1: true,
    n2: true,
    app: true,
  });

  // Space freed: a retry writes what was held in memory, the banner goes, and a reload finds it all.
  await page.evaluate(() => {
    window.__storageFull = false;
    sessionStorage.setItem('storage-freed', 'yes');
  });
  await banner(page).getByRole('button', { name: 'Try saving again' }).click();
  await expect(banner(page)).toHaveCount(0);
  await app.reload();
  await app.goTo('Workspace');
  for (const name of ['full CA', 'n1', 'n2', 'app']) await expect(workspace.item(name)).toBeVisible();
});
