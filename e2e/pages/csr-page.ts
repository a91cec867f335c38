/** The Sign CSR view: paste a request, see what it asks for, sign it. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class CsrPage {
  readonly form: Locator;
  readonly request: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Sign a CSR' });
    this.request = page.getByRole('region', { name: 'What the request asks for' });
    this.result = page.getByRole('region', { name: 'Signed certificate' });
  }

  async paste(pem: string): Promise<void> {
    await this.form.getByLabel('Certificate signing request').fill(pem);
    await expect(this.request).toBeVisible();
  }

  async sign(ca: string, profile: 'node' | 'server' | 'client', sans?: string): Promise<void> {
    await this.form.getByLabel('Issuing CA').selectOption({ label: ca });
    await this.form.getByLabel('Profile').selectOption(profile);
    if (sans !== undefined) await this.form.getByLabel('Subject alternative names').fill(sans);
    await this.form.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(this.result).toBeVisible({ timeout: 30_000 });
  }

  async download(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.result.getByRole('button', { name: 'Download certificate' }).click();
    return wait;
  }
}
