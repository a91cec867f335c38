/**
 * Each issuing form loads the worker's issuing code once a person starts on it (the first focus in
 * the form), so its submit does not wait for that code to be fetched and compiled; opening the
 * view alone loads none of it.
 */
import { test, expect } from './fixtures.ts';
import type { ViewName } from './pages/app-page.ts';
import { AuthoritiesPage } from './pages/authorities-page.ts';

const ISSUING_CODE = /\/ops-pki-[\w-]+\.js$/;

const FORMS: { view: ViewName; form: string; open?: 'root' | 'import' }[] = [
  { view: 'Cluster', form: 'Cluster setup' },
  { view: 'Issue', form: 'Issue a certificate' },
  { view: 'Sign CSR', form: 'Sign a CSR' },
  { view: 'Authorities', form: 'Create a root CA', open: 'root' },
  { view: 'Authorities', form: 'Import a CA', open: 'import' },
];

for (const { view, form, open } of FORMS) {
  test(`the first focus in "${form}" loads the issuing code, before any submit`, async ({ app, page }) => {
    const requested: string[] = [];
    page.on('request', (r) => void requested.push(r.url()));
    const issuing = () => requested.filter((u) => ISSUING_CODE.test(u)).length;
    await app.open();
    await app.goTo(view);
    if (open) await new AuthoritiesPage(page).openForm(open);
    await page.waitForTimeout(500);
    expect(issuing(), 'opening the view loads no issuing code').toBe(0);
    await page.getByRole('form', { name: form }).locator('input, textarea, select').first().focus();
    await expect.poll(issuing).toBe(1);
  });
}
