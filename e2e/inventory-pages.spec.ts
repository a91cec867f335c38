/**
 * A workspace larger than a page (issue 11 bench work): the table shows 50 rows a page, drawn a
 * batch per frame until the page is complete; the tree pages what one CA issued the same way,
 * each branch with its own pager; axe finds nothing on either, light or dark; rows already drawn
 * stay drawn when the workspace changes.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

/** 60 nodes and a client: with the CA and the bundle, 63 items, two pages of the table. */
const NODES = Array.from({ length: 60 }, (_, i) => `node-${i + 1} 10.7.0.${i + 1}`).join('\n');

test('a workspace of 63 items: pages of 50 in the table and in a tree branch, every row drawn, axe clean', async ({
  app,
  cluster,
  workspace,
  page,
}) => {
  test.setTimeout(180_000);
  await app.open();
  await cluster.create({ name: 'paged', nodes: NODES, clients: 'app', target: 'ScyllaDB' });
  await app.goTo('Workspace');
  await expect(page.getByRole('status').filter({ hasText: '63 of 63 items' })).toBeVisible();

  // Natural order across the pages (app, node-1 … node-60, then the bundle and the CA): page 1
  // ends at node-49, and all of its 50 rows are drawn.
  await expect(workspace.items()).toHaveCount(50);
  await expect(workspace.items().getByRole('rowheader').nth(49)).toHaveText('node-49');
  await expect(workspace.pager()).toContainText('of 2 (63 rows)');
  await workspace.pager().getByRole('button', { name: 'Next' }).click();
  await expect(workspace.items()).toHaveCount(13);
  await expect(workspace.items().getByRole('rowheader').first()).toHaveText('node-50');
  await expect(workspace.item('node-60')).toHaveCount(1);
  await expect(workspace.pager().getByRole('button', { name: 'Next' })).toBeDisabled();

  await page.getByRole('radio', { name: 'Tree by issuer' }).check();
  const tree = page.getByRole('navigation', { name: 'Issuer tree' });
  const branch = tree.getByRole('group', { name: 'Pages of what paged CA issued' });
  await expect(tree.getByText('CA (root), 61 issued')).toBeVisible();
  await expect(branch).toContainText('of 2 (61 items)');
  await expect(tree.getByRole('listitem')).toHaveCount(51); // the CA and a page of what it issued
  await branch.getByRole('button', { name: 'Next' }).click();
  await expect(tree.getByRole('listitem')).toHaveCount(12);
  await expect(tree.getByRole('listitem').last()).toContainText('node-60');
  expect(new URL(page.url()).hash).toBe('#/workspace?view=tree');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.help}`),
      `tree with pagers (${scheme})`,
    ).toEqual([]);
  }
  // The view is in the address: a reload opens the tree again.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Tree by issuer' })).toBeChecked();

  // Regression: a change in the workspace (here a renew) drew the page again from its first 10
  // rows, remounting the others and closing whatever was open in them. Rows drawn stay now.
  await page.getByRole('radio', { name: 'Table' }).check();
  await expect(workspace.items()).toHaveCount(50);
  await workspace.item('node-40').evaluate((row) => row.setAttribute('data-kept', 'yes'));
  await workspace.item('node-45').getByRole('button', { name: 'Renew node-45' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renewed node-45' })).toBeVisible({ timeout: 30_000 });
  await expect(workspace.item('node-45')).toHaveCount(2);
  await expect(workspace.item('node-40')).toHaveAttribute('data-kept', 'yes');
});
