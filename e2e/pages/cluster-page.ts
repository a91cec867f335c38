/** The Cluster view: one form that makes a CA, node and client certificates, a bundle and snippets. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface ClusterInput {
  name: string;
  /** One node per line: name, then its IPs and DNS names. */
  nodes: string;
  /** One client name per line. */
  clients: string;
  /** Visible label of the target system, e.g. "ScyllaDB". */
  target: string;
}

export class ClusterPage {
  readonly form: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Cluster setup' });
    this.result = page.getByRole('region', { name: 'Cluster bundle' });
  }

  async fill(input: ClusterInput): Promise<void> {
    await this.form.getByLabel('Cluster name').fill(input.name);
    await this.form.getByLabel('Nodes').fill(input.nodes);
    await this.form.getByLabel('Clients').fill(input.clients);
    await this.form.getByLabel('Target system').selectOption({ label: input.target });
  }

  async targets(): Promise<string[]> {
    const select = this.form.getByLabel('Target system');
    await expect(select).toBeVisible();
    return select.locator('option').allTextContents();
  }

  /** Run the setup and wait until the bundle is ready. */
  async create(input: ClusterInput): Promise<void> {
    await this.fill(input);
    await this.form.getByRole('button', { name: 'Create cluster certificates' }).click();
    await expect(this.result.getByRole('button', { name: 'Download bundle' })).toBeEnabled({ timeout: 60_000 });
  }

  async downloadBundle(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.result.getByRole('button', { name: 'Download bundle' }).click();
    return wait;
  }

  /** A configuration snippet of the result: its code block (code, Copy button, status). */
  snippet(index: number): Locator {
    return this.result.locator('figure').nth(index);
  }
}
