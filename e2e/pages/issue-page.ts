/** The Issue view: one certificate under a chosen CA. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface IssueInput {
  profile: 'node' | 'server' | 'client';
  cn: string;
  sans?: string;
  keyType?: string;
  ca: string;
}

export class IssuePage {
  readonly form: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Issue a certificate' });
    this.result = page.getByRole('region', { name: 'Issued certificate' });
  }

  async fill(input: IssueInput): Promise<void> {
    await this.form.getByLabel('Issuing CA').selectOption({ label: input.ca });
    await this.form.getByLabel('Profile').selectOption(input.profile);
    await this.form.getByLabel('Common name').fill(input.cn);
    if (input.sans !== undefined) await this.form.getByLabel('Subject alternative names').fill(input.sans);
    if (input.keyType) await this.form.getByLabel('Key type').selectOption({ label: input.keyType });
  }

  async issue(input: IssueInput): Promise<void> {
    await this.fill(input);
    await this.form.getByRole('button', { name: 'Issue certificate' }).click();
    // The result of this run, not the previous one: it names the common name.
    await expect(this.result).toContainText(`CN=${input.cn}`, { timeout: 30_000 });
  }

  /** The message shown beside a field, by the field's label. */
  fieldError(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async download(what: 'certificate' | 'key'): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.result.getByRole('button', { name: `Download ${what}` }).click();
    return wait;
  }
}
