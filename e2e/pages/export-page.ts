/** The Export view: one item (PEM, DER, key, PKCS#12) and bundles (zip per layout, snippets). */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The full label of the option that contains `like`, once the select offers one (it fills from the workspace). */
async function optionLike(select: Locator, like: string | RegExp): Promise<string> {
  const options = () => select.locator('option').allTextContents();
  const matches = (o: string) => (typeof like === 'string' ? o.includes(like) : like.test(o));
  await expect
    .poll(options, { message: `an option like ${String(like)}` })
    .toContainEqual(typeof like === 'string' ? expect.stringContaining(like) : expect.stringMatching(like));
  const match = (await options()).find(matches);
  if (match === undefined) throw new Error(`the option like ${String(like)} went away`);
  return match;
}

export class ExportPage {
  readonly itemSection: Locator;
  readonly bundleSection: Locator;

  constructor(readonly page: Page) {
    this.itemSection = page.getByRole('region', { name: 'One item' });
    this.bundleSection = page.getByRole('region', { name: 'Bundles' });
  }

  async chooseItem(label: string | RegExp): Promise<void> {
    const select = this.itemSection.getByLabel('Item', { exact: true });
    await select.selectOption({ label: await optionLike(select, label) });
  }

  private async download(click: () => Promise<void>): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await click();
    return wait;
  }

  async downloadPkcs12(kind: 'keystore' | 'truststore', password: string, alias?: string): Promise<Download> {
    const form = this.itemSection.getByRole('form', { name: 'PKCS#12' });
    await form.getByLabel(kind === 'keystore' ? /^Keystore/ : /^Truststore/).check();
    await form.getByLabel('Password', { exact: true }).fill(password);
    if (alias !== undefined) await form.getByLabel('Alias').fill(alias);
    return this.download(() => form.getByRole('button', { name: 'Download PKCS#12' }).click());
  }

  async downloadEncryptedKey(passphrase: string): Promise<Download> {
    const form = this.itemSection.getByRole('form', { name: 'Private key' });
    await form.getByLabel(/^Encrypted PKCS#8/).check();
    await form.getByLabel('Key passphrase').fill(passphrase);
    return this.download(() => form.getByRole('button', { name: 'Download key' }).click());
  }

  /** Choose a plaintext format: the download stays disabled until the warning is acknowledged. */
  async downloadPlainKey(): Promise<Download> {
    const form = this.itemSection.getByRole('form', { name: 'Private key' });
    await form.getByLabel(/^PKCS#8, not encrypted/).check();
    const button = form.getByRole('button', { name: 'Download key' });
    await expect(button).toBeDisabled();
    await expect(form.getByText(/unencrypted: anyone who gets a copy/)).toBeVisible();
    await form.getByLabel('I understand the key will not be encrypted').check();
    return this.download(() => button.click());
  }

  /** Choose a bundle source and a layout in the bundle form (the snippets follow them). */
  async chooseBundle(source: string | RegExp, layout: string): Promise<void> {
    const form = this.bundleSection.getByRole('form', { name: 'Bundle download' });
    const select = form.getByLabel('Bundle or CA');
    await select.selectOption({ label: await optionLike(select, source) });
    await form.getByLabel('Layout').selectOption(layout);
  }

  /**
   * Download a bundle. With `keyPassphrase` (layouts that read encrypted keys) the keys are
   * encrypted; otherwise the plaintext warning must be acknowledged before the button works.
   */
  async downloadBundle(source: string | RegExp, layout: string, keyPassphrase?: string): Promise<Download> {
    const form = this.bundleSection.getByRole('form', { name: 'Bundle download' });
    const select = form.getByLabel('Bundle or CA');
    await select.selectOption({ label: await optionLike(select, source) });
    await form.getByLabel('Layout').selectOption(layout);
    const button = form.getByRole('button', { name: 'Download bundle' });
    if (keyPassphrase !== undefined) {
      await form.getByLabel('Key passphrase').fill(keyPassphrase);
    } else {
      await expect(button).toBeDisabled();
      await form.getByLabel('I understand the zip holds unencrypted private keys').check();
    }
    return this.download(() => button.click());
  }

  /** The snippets shown for the chosen layout (not those folded under "Other targets"): heading and code, in order. */
  async shownSnippets(): Promise<{ heading: string; code: string }[]> {
    const blocks = this.bundleSection.getByRole('region', { name: 'Snippets' }).locator(':scope > .snippet');
    await expect(blocks.first()).toBeVisible();
    const out: { heading: string; code: string }[] = [];
    // textContent: snippets off screen skip rendering (content-visibility), which empties innerText.
    for (const block of await blocks.all()) {
      const heading = (await block.getByRole('heading').textContent()) ?? '';
      out.push({ heading: heading.trim(), code: (await block.locator('pre').textContent()) ?? '' });
    }
    return out;
  }
}
