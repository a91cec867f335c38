/** The shell: navigation, hydration gate, banners. Every view's page object starts here. */
import { expect, type Locator, type Page } from '@playwright/test';
import { flushSaves } from './idb-writes.ts';

export type ViewName = 'Cluster' | 'Authorities' | 'Issue' | 'Sign CSR' | 'Inspect' | 'Export' | 'Workspace';

export class AppPage {
  constructor(readonly page: Page) {}

  /** Open the app and wait until the workspace is loaded (the shell marks itself ready). */
  async open(): Promise<void> {
    await this.page.goto('./');
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('main[data-ready="true"]')).toBeVisible();
  }

  navLink(name: ViewName): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  }

  async goTo(name: ViewName): Promise<void> {
    await this.navLink(name).click();
    await expect(this.navLink(name)).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('heading', { level: 2, name, exact: false }).first()).toBeVisible();
  }

  /** Wait until everything shown so far is in IndexedDB (a reload or closing the tab would lose the rest). */
  async flushSaves(): Promise<void> {
    await flushSaves(this.page);
  }

  /** Reload once the workspace is saved, and wait for it to load again. */
  async reload(): Promise<void> {
    await this.flushSaves();
    await this.page.reload();
    await this.waitReady();
  }
}
