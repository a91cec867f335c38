/**
 * axe finds no violations on any view, in light and in dark, empty (with the first-visit
 * introduction) and with content (Inspect with a chain and its diagnosis, Export with a keyed
 * certificate and a cluster bundle's snippets, Authorities' CA tree and its revoke dialog).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures.ts';
import type { ViewName } from './pages/app-page.ts';
import { InspectPage, opensslPki, type TestPki } from './pages/inspect-page.ts';

const test = base.extend<{ inspect: InspectPage }>({
  inspect: async ({ page }, use) => {
    await use(new InspectPage(page));
  },
});

const VIEWS: ViewName[] = ['Cluster', 'Authorities', 'Issue', 'Sign CSR', 'Inspect', 'Export', 'Workspace'];
const SCHEMES = ['light', 'dark'] as const;
/** Debian's CA bundle (ca-certificates): about 140 certificates, so Inspect shows its table. */
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

let pki: TestPki;
test.beforeAll(() => {
  pki = opensslPki();
});

for (const scheme of SCHEMES) {
  test(`Authorities with a CA tree, its revoke dialog, and the introduction on a phone, ${scheme}`, async ({
    app,
    page,
    authorities,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await app.goTo('Authorities');
    await authorities.createRoot('Axe Root');
    await authorities.createIntermediate('Axe Issuing', 'Axe Root');
    await app.goTo('Workspace');
    await app.goTo('Authorities');
    await expect(authorities.entry('Axe Issuing')).toBeVisible();
    expect(await violations(page), `CA tree (${scheme})`).toEqual([]);
    await authorities.entry('Axe Issuing').getByRole('button', { name: 'Revoke…' }).click();
    await expect(page.getByRole('dialog', { name: 'Revoke Axe Issuing?' })).toBeVisible();
    expect(await violations(page), `revoke dialog (${scheme})`).toEqual([]);
    await page.keyboard.press('Escape');
    await authorities.openForm('import');
    expect(await violations(page), `import form open under the tree (${scheme})`).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('complementary', { name: 'Getting started' })).toBeVisible();
    expect(await violations(page), `phone width with the introduction (${scheme})`).toEqual([]);
  });

  test(`every view, empty, ${scheme}`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    for (const view of VIEWS) {
      await app.goTo(view);
      expect(await violations(page), `${view} (${scheme})`).toEqual([]);
    }
  });

  test(`Inspect and Export with content, ${scheme}`, async ({ app, page, inspect, cluster }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await cluster.create({ name: 'axe', nodes: 'n1 10.3.0.1', clients: 'app', target: 'Node.js' });
    expect(await violations(page), `Cluster result (${scheme})`).toEqual([]);
    await app.goTo('Inspect');
    await inspect.host.fill('10.0.0.1');
    await inspect.pastePem([pki.leaf, pki.leafKey, pki.root].map((f) => readFileSync(f, 'utf8')).join(''));
    await expect(inspect.diagnosis).toContainText('does not validate');
    await inspect.saveToWorkspace(/^Certificate: CN=node1/);
    expect(await violations(page), `Inspect with a broken chain (${scheme})`).toEqual([]);
    await app.goTo('Export');
    await expect(page.getByRole('region', { name: 'Snippets' })).toBeVisible();
    expect(await violations(page), `Export with items and snippets (${scheme})`).toEqual([]);
  });

  test(`Inspect's certificate table for a CA bundle, sorted, with a row's card open, ${scheme}`, async ({
    app,
    page,
    inspect,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await app.goTo('Inspect');
    await inspect.addFiles([SYSTEM_BUNDLE]);
    const rows = inspect.table.getByRole('row');
    await expect(rows.nth(100)).toBeVisible();
    expect(await violations(page), `certificate table (${scheme})`).toEqual([]);
    const notAfter = inspect.table.getByRole('columnheader', { name: /Not after/ });
    await notAfter.getByRole('button').click();
    await expect(notAfter).toHaveAttribute('aria-sort', 'ascending');
    await inspect.table
      .getByRole('button', { name: /^Details: / })
      .first()
      .click();
    await expect(inspect.table.getByRole('button', { name: /^Hide: / })).toHaveAttribute('aria-expanded', 'true');
    expect(await violations(page), `certificate table, sorted, a card open (${scheme})`).toEqual([]);
  });
}
