/**
 * The key lock (issue 11 item 5) as a user meets it: set a passphrase, reload, the certificates
 * are listed while the keys are locked, issuing asks to unlock, a wrong passphrase is said beside
 * the field, the right one lets the issue go on. IndexedDB itself is read to find no private key
 * text; axe judges both dialogs in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PASSPHRASE = 'orbit lantern meadow';

/** Every record of the workspace database as text (what a disk reader of the profile would see). */
function storedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('certbench');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const all = open.result.transaction('items').objectStore('items').getAll();
          all.onerror = () => reject(all.error ?? new Error('read failed'));
          all.onsuccess = () => resolve(JSON.stringify(all.result));
        };
      }),
  );
}

async function expectAxeClean(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('lock the keys, reload, issue: asked to unlock once, wrong then right passphrase', async ({
  app,
  authorities,
  issue,
  workspace,
  page,
}) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Lock Root');
  await app.flushSaves();
  expect(await storedText(page)).toContain('PRIVATE KEY'); // plaintext before the lock: the check below can fail

  await page.getByRole('button', { name: 'Keys not locked' }).click();
  const setDialog = page.getByRole('dialog', { name: 'Lock private keys with a passphrase' });
  await expect(setDialog).toContainText('cannot be recovered');
  // Sealing rewrites the records, but the browser's files may keep the old bytes: said, with the remedy.
  await expect(setDialog).toContainText(
    "Copies saved before now may stay unencrypted in the browser's files until it compacts them",
  );
  await expect(setDialog).toContainText('export the workspace with a passphrase, clear this site');
  await setDialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await setDialog.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE}!`);
  await setDialog.getByRole('button', { name: 'Lock the keys' }).click();
  await expect(setDialog.getByLabel('Repeat the passphrase')).toHaveAccessibleDescription(/differ/);
  await expectAxeClean(page);
  await setDialog.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await setDialog.getByRole('button', { name: 'Lock the keys' }).click();
  await expect(page.getByRole('button', { name: 'Keys unlocked' })).toBeVisible({ timeout: 30_000 });
  await app.flushSaves();
  const stored = await storedText(page);
  expect(stored).not.toContain('PRIVATE KEY');
  expect(stored).toContain('BEGIN CERTIFICATE');

  await app.reload();
  await expect(page.getByRole('button', { name: 'Keys locked' })).toBeVisible();
  await app.goTo('Workspace');
  await expect(workspace.item('Lock Root')).toContainText('ECDSA P-256');

  await app.goTo('Issue');
  await issue.fill({ ca: 'Lock Root', profile: 'server', cn: 'web-1', sans: 'web-1.example' });
  await issue.form.getByRole('button', { name: 'Issue certificate' }).click();
  const prompt = page.getByRole('dialog', { name: 'Unlock private keys' });
  await expect(prompt).toContainText('Issuing a certificate');
  const field = prompt.getByLabel('Passphrase');
  await field.fill('not the passphrase');
  await prompt.getByRole('button', { name: 'Unlock' }).click();
  await expect(field).toHaveAccessibleDescription(/Wrong passphrase/, { timeout: 30_000 });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page);
  await field.fill(PASSPHRASE);
  await prompt.getByRole('button', { name: 'Unlock' }).click();
  await expect(prompt).toBeHidden({ timeout: 30_000 });
  await expect(issue.result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Keys unlocked' })).toBeVisible();
  await app.flushSaves();
  expect(await storedText(page)).not.toContain('PRIVATE KEY'); // the new leaf's key is sealed too

  // Remove the lock: the keys go back to plaintext and the lock's record goes, in one IndexedDB write.
  await page.getByRole('button', { name: 'Keys unlocked' }).click();
  const unlockedDialog = page.getByRole('dialog', { name: 'Private keys are unlocked' });
  await unlockedDialog.locator('summary', { hasText: 'Remove the lock' }).click();
  const removal = unlockedDialog.getByRole('form', { name: 'Remove the lock' });
  await removal.getByLabel('Passphrase').fill(PASSPHRASE);
  await removal.getByRole('button', { name: 'Remove the lock' }).click();
  // The dialog now offers to set a lock, and still says what happened.
  const afterRemoval = page.getByRole('dialog', { name: 'Lock private keys with a passphrase' });
  await expect(afterRemoval.getByRole('status')).toHaveText(
    'The lock is removed: the private keys are stored unencrypted in this browser.',
    { timeout: 30_000 },
  );
  await expect(page.getByRole('button', { name: 'Keys not locked' })).toBeVisible();
  await expectAxeClean(page);
  await app.flushSaves();
  const removed = await storedText(page);
  expect(removed.match(/BEGIN PRIVATE KEY/g)).toHaveLength(2); // the root's and web-1's
  expect(removed).not.toContain('sealedKey');
  expect(removed).not.toContain('certbench-key-lock');
});
