/** The Authorities view: create a root, an intermediate, import a CA, list what each CA issued. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AuthoritiesPage {
  readonly rootForm: Locator;
  readonly intermediateForm: Locator;
  readonly importForm: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.rootForm = page.getByRole('form', { name: 'Create a root CA' });
    this.intermediateForm = page.getByRole('form', { name: 'Create an intermediate CA' });
    this.importForm = page.getByRole('form', { name: 'Import a CA' });
    this.list = page.getByRole('list', { name: 'Certificate authorities' });
  }

  async createRoot(cn: string, keyType = 'ECDSA P-256'): Promise<void> {
    await this.rootForm.getByLabel('Key type').selectOption({ label: keyType });
    await this.rootForm.getByLabel('Common name').fill(cn);
    await this.rootForm.getByRole('button', { name: 'Create CA' }).click();
    await expect(this.entry(cn)).toBeVisible({ timeout: 30_000 });
  }

  async createIntermediate(cn: string, issuer: string): Promise<void> {
    await this.intermediateForm.getByLabel('Issuing CA').selectOption({ label: issuer });
    await this.intermediateForm.getByLabel('Common name').fill(cn);
    await this.intermediateForm.getByRole('button', { name: 'Create CA' }).click();
    await expect(this.entry(cn)).toBeVisible({ timeout: 30_000 });
  }

  async importCa(certPem: string, keyPem: string, password?: string): Promise<void> {
    await this.importForm.getByLabel('CA certificate').fill(certPem);
    await this.importForm.getByLabel('CA private key').fill(keyPem);
    if (password !== undefined) await this.importForm.getByLabel('Password').fill(password);
    await this.importForm.getByRole('button', { name: 'Import CA' }).click();
  }

  /** The heading of what a create form just made ("Created <name>"). */
  created(form: 'root' | 'intermediate', name: string): Locator {
    return (form === 'root' ? this.rootForm : this.intermediateForm).getByRole('heading', {
      name: `Created ${name}`,
      exact: true,
    });
  }

  entry(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }
}
