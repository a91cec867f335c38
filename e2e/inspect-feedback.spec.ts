/**
 * Issue 12, Inspect input feedback: added files are listed by name and size, a paste is read without
 * a click, and when nothing could be read the page says so and, for a locked PKCS#12, points to the
 * Password field (a password typed there is read without a click too).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from './fixtures.ts';
import { InspectPage, opensslPki, type TestPki } from './pages/inspect-page.ts';

const test = base.extend<{ inspect: InspectPage }>({
  inspect: async ({ page }, use) => {
    await use(new InspectPage(page));
  },
});

let pki: TestPki;
let p12: string;
test.beforeAll(() => {
  pki = opensslPki();
  p12 = join(pki.dir, 'node1.p12');
  try {
    execFileSync(
      'openssl',
      ['pkcs12', '-export', '-inkey', pki.leafKey, '-in', pki.leaf, '-passout', 'pass:right-one', '-out', p12],
      { stdio: 'pipe' },
    );
  } catch (e) {
    throw new Error('openssl pkcs12 failed; these tests need openssl 3 (apt-get install -y openssl)', { cause: e });
  }
});

test.beforeEach(async ({ app }) => {
  await app.open();
  await app.goTo('Inspect');
});

test('added files are listed with their sizes; a paste is read without pressing Inspect', async ({ inspect }) => {
  await inspect.addFiles([pki.leaf]);
  const bytes = readFileSync(pki.leaf).length;
  await expect(inspect.addedFiles.getByRole('listitem')).toHaveText([
    `leaf.pem (${bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KiB`})`,
  ]);
  await inspect.typeAndWait(inspect.paste, readFileSync(pki.root, 'utf8'));
  await expect(inspect.status).toHaveText('2 items read.');
  await expect(inspect.item(/^CA certificate: CN=E2E Root/)).toBeVisible();
});

const nothingRead = [
  {
    name: 'garbage',
    files: () => [
      { name: 'junk.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('not a certificate at all\n') },
    ],
    password: '',
    want: /^Nothing could be read: no input is a certificate, key, signing request or revocation list/,
  },
  {
    name: 'a PKCS#12 without its password',
    files: () => [p12],
    password: '',
    want: /^Nothing could be read: node1\.p12 is locked with a password\.$/,
  },
  {
    name: 'a PKCS#12 with the wrong password',
    files: () => [p12],
    password: 'not-the-password',
    want: /^Nothing could be read: the password given does not open node1\.p12\.$/,
  },
];

for (const row of nothingRead) {
  test(`nothing could be read: ${row.name}`, async ({ inspect }) => {
    // Typed before any input: nothing to read yet, so no run starts; the file then runs with it.
    if (row.password) await inspect.password.fill(row.password);
    await inspect.addFiles(row.files());
    await expect(inspect.diagnosis.locator('p').first()).toHaveText(row.want);
    await expect(inspect.diagnosis).not.toContainText('every certificate here is a CA');
  });
}

test('a locked PKCS#12 points to the Password field, and the password opens it without a click', async ({
  inspect,
}) => {
  await inspect.addFiles([p12]);
  await inspect.diagnosis.getByRole('button', { name: 'Password field' }).click();
  await expect(inspect.password).toBeFocused();
  await inspect.typeAndWait(inspect.password, 'right-one');
  await expect(inspect.item(/^Certificate: CN=node1/)).toBeVisible();
  await expect(inspect.diagnosis).not.toContainText('Nothing could be read');
});

test('beside a certificate that was read, the locked PKCS#12 is named with the pointer to the Password field', async ({
  inspect,
}) => {
  await inspect.addFiles([p12, pki.root]);
  await expect(inspect.diagnosis).toContainText(
    'Not read: node1.p12 is locked with a password. Type it in the Password field; the inputs are read again when you stop typing.',
  );
});
