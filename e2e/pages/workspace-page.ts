/**
 * The Workspace view: the inventory table (search, filters, row actions), export and import the
 * whole workspace, clear all. The table shows a page of 50 rows, and a page is drawn 10 rows at
 * once and 10 more each frame (app/components/use-drawn-count.ts): right after the rows
 * change, count them with an auto-waiting assertion (toHaveCount), not with count().
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class WorkspacePage {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('table', { name: 'Workspace items' });
  }

  /** The table's item rows drawn so far on the page shown (the header row left out). */
  items(): Locator {
    return this.list.getByRole('rowgroup').last().getByRole('row');
  }

  /** The table's pager (absent while every row fits one page). */
  pager(): Locator {
    return this.page.getByRole('navigation', { name: 'Pages of the workspace' });
  }

  item(name: string): Locator {
    return this.items().filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search the workspace' }).fill(text);
  }

  async remove(name: string): Promise<void> {
    await this.item(name)
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.item(name)).toHaveCount(0);
  }

  async exportWorkspace(passphrase?: string): Promise<Download> {
    const form = this.page.getByRole('form', { name: 'Export the workspace' });
    if (passphrase !== undefined) await form.getByLabel('Passphrase').fill(passphrase);
    const wait = this.page.waitForEvent('download');
    await form.getByRole('button', { name: 'Export workspace' }).click();
    return wait;
  }

  async importWorkspace(file: string, passphrase?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Import a workspace file' });
    if (passphrase !== undefined) await form.getByLabel('Passphrase').fill(passphrase);
    await form.getByLabel('Workspace file').setInputFiles(file);
    await form.getByRole('button', { name: 'Import workspace' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 30_000 });
  }

  async clearAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear all' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Clear everything' }).click();
    await expect(this.items()).toHaveCount(0);
  }
}
