/**
 * The Cluster form loads the worker's issuing code once a person starts on it (the first focus in
 * the form), so the click on Create does not wait for that code to be fetched and compiled.
 */
import { test, expect } from './fixtures.ts';

const ISSUING_CODE = /\/ops-pki-[\w-]+\.js$/;

test('the first focus in the Cluster form loads the issuing code, before any click', async ({ app, page }) => {
  const requested: string[] = [];
  page.on('request', (r) => void requested.push(r.url()));
  await app.open();
  await app.goTo('Cluster');
  await page.waitForTimeout(500);
  expect(
    requested.filter((u) => ISSUING_CODE.test(u)),
    'nothing loads the issuing code on opening the view',
  ).toEqual([]);
  await page.getByRole('form', { name: 'Cluster setup' }).getByLabel('Nodes').focus();
  await expect.poll(() => requested.filter((u) => ISSUING_CODE.test(u)).length).toBe(1);
});
