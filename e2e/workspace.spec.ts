/**
 * The workspace outlives the page: what was made is there after a reload, deletes ask first, and
 * the whole workspace goes out to one encrypted file and comes back from it.
 */
import { test, expect } from './fixtures.ts';
import { flushSaves } from './pages/idb-writes.ts';

test('reload keeps everything; delete asks first; export, clear and import bring it back', async ({
  app,
  authorities,
  workspace,
  page,
}, info) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Kept Root');
  await authorities.createRoot('Doomed Root');

  await app.reload();
  await app.goTo('Workspace');
  await expect(workspace.item('Kept Root')).toBeVisible();
  await expect(workspace.item('Doomed Root')).toBeVisible();

  // Cancel first: nothing goes.
  await workspace.item('Doomed Root').getByRole('button', { name: 'Delete Doomed Root' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(workspace.item('Doomed Root')).toBeVisible();
  await workspace.remove('Doomed Root');

  await workspace.search('kept');
  await expect(workspace.items()).toHaveCount(1);
  await workspace.search('');

  const file = info.outputPath('workspace.json');
  await (await workspace.exportWorkspace('correct horse')).saveAs(file);
  await workspace.clearAll();
  await app.reload();
  await app.goTo('Workspace');
  await expect(workspace.items()).toHaveCount(0);

  // The wrong passphrase says so beside the field and changes nothing.
  const form = page.getByRole('form', { name: 'Import a workspace file' });
  await form.getByLabel('Passphrase').fill('wrong');
  await form.getByLabel('Workspace file').setInputFiles(file);
  await form.getByRole('button', { name: 'Import workspace' }).click();
  await expect(form.getByText(/wrong pass/i)).toBeVisible({ timeout: 30_000 });
  await expect(workspace.items()).toHaveCount(0);

  await workspace.importWorkspace(file, 'correct horse');
  await expect(workspace.item('Kept Root')).toBeVisible();
  await app.reload();
  await app.goTo('Workspace');
  await expect(workspace.item('Kept Root')).toBeVisible();
  await expect(workspace.item('Doomed Root')).toHaveCount(0);
});

test("two tabs add at the same time and neither loses the other's work", async ({
  app,
  authorities,
  workspace,
  context,
}) => {
  await app.open();
  const other = await context.newPage();
  await other.goto('./#/authorities');
  await expect(other.locator('main[data-ready="true"]')).toBeVisible();
  await app.goTo('Authorities');
  await authorities.createRoot('Tab One Root');
  await other.getByRole('form', { name: 'Create a root CA' }).getByLabel('Common name').fill('Tab Two Root');
  await other.getByRole('form', { name: 'Create a root CA' }).getByRole('button', { name: 'Create CA' }).click();
  await expect(other.getByRole('list', { name: 'Certificate authorities' })).toContainText('Tab One Root');
  await expect(authorities.list).toContainText('Tab Two Root');
  // Closing a tab aborts its unfinished IndexedDB writes.
  await flushSaves(other);
  await other.close();
  await app.reload();
  await app.goTo('Workspace');
  await expect(workspace.item('Tab One Root')).toBeVisible();
  await expect(workspace.item('Tab Two Root')).toBeVisible();
});
