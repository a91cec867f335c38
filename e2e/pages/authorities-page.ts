/**
 * The Authorities view: the CA tree first (each CA an article with its actions), then one form at
 * a time to create a root, an intermediate, or import a CA, opened from the "Add a CA" toggles.
 */
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

  /**
   * Open one of the three forms (a no-op when it is open already). The toggle's aria-expanded says
   * whether its form is open, and is read rather than the form: the view opens the root form by
   * itself when the workspace holds no CA, and a check of the form made before the view mounted,
   * followed by a click after, closed it.
   */
  async openForm(form: 'root' | 'intermediate' | 'import'): Promise<Locator> {
    const target = { root: this.rootForm, intermediate: this.intermediateForm, import: this.importForm }[form];
    const label = { root: 'New root CA', intermediate: 'New intermediate CA', import: 'Import a CA' }[form];
    const toggle = this.page.getByRole('group', { name: 'Add a CA' }).getByRole('button', { name: label });
    // The open form is decided when the view mounts, so once the toggle is there its state holds.
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(target).toBeVisible();
    return target;
  }

  async createRoot(cn: string, keyType = 'ECDSA P-256'): Promise<void> {
    await this.openForm('root');
    await this.rootForm.getByLabel('Key type').selectOption({ label: keyType });
    await this.rootForm.getByLabel('Common name').fill(cn);
    await this.rootForm.getByRole('button', { name: 'Create CA' }).click();
    await expect(this.entry(cn)).toBeVisible({ timeout: 30_000 });
  }

  async createIntermediate(cn: string, issuer: string): Promise<void> {
    await this.openForm('intermediate');
    await this.intermediateForm.getByLabel('Issuing CA').selectOption({ label: issuer });
    await this.intermediateForm.getByLabel('Common name').fill(cn);
    await this.intermediateForm.getByRole('button', { name: 'Create CA' }).click();
    await expect(this.entry(cn)).toBeVisible({ timeout: 30_000 });
  }

  async importCa(certPem: string, keyPem: string, password?: string): Promise<void> {
    await this.openForm('import');
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

  /** One CA of the tree: its name, status, description, actions and what it issued (not the CAs under it). */
  entry(name: string): Locator {
    return this.list.getByRole('article', { name, exact: true });
  }
}
