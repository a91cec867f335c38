/**
 * Authorities, Issue and Sign CSR as a user drives them: a root, an intermediate under it, a server
 * certificate from the intermediate, and a CSR made by openssl signed as a client, each download
 * judged by openssl verify -x509_strict -purpose.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { opensslMakeCsr, opensslVerify } from '../app/test/judges/index.ts';

async function pemOf(download: { path(): Promise<string> }): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test('root, intermediate, issue, sign a CSR made by openssl', async ({ app, authorities, issue, csr, page }) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('E2E Root');
  await authorities.createIntermediate('E2E Issuing', 'E2E Root');
  await expect(authorities.entry('E2E Issuing')).toContainText('Intermediate under E2E Root');

  await app.goTo('Issue');
  await issue.fill({ ca: 'E2E Issuing', profile: 'server', cn: 'web.example', sans: '10.0.0.300' });
  // Checked as typed: the message sits beside the field, naming the bad entry.
  await expect(page.getByText('"10.0.0.300"')).toBeVisible();
  await issue.issue({ ca: 'E2E Issuing', profile: 'server', cn: 'web.example', sans: 'DNS:www.example, 10.0.0.30' });
  const leafPem = await pemOf(await issue.download('certificate'));
  const wait = page.waitForEvent('download');
  await issue.result.getByRole('button', { name: 'Download full chain' }).click();
  const fullChain = await pemOf(await wait);
  const blocks = fullChain.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
  expect(blocks).toHaveLength(3);
  const [, intermediate, root] = blocks;
  const server = await opensslVerify({
    rootPem: root ?? '',
    untrustedPem: intermediate ?? '',
    certPem: leafPem,
    purpose: 'sslserver',
  });
  expect(server.ok, server.output).toBe(true);

  await app.goTo('Sign CSR');
  const request = await opensslMakeCsr({ cn: 'batch-worker', san: 'DNS:batch-worker.internal' });
  await csr.paste(request.csrPem);
  await expect(csr.request).toContainText('batch-worker.internal');
  await expect(csr.request).toContainText('valid: the requester holds the private key');
  await csr.sign('E2E Root', 'client');
  const signed = await pemOf(await csr.download());
  const client = await opensslVerify({ rootPem: root ?? '', certPem: signed, purpose: 'sslclient' });
  expect(client.ok, client.output).toBe(true);
  expect((await opensslVerify({ rootPem: root ?? '', certPem: signed, purpose: 'sslserver' })).ok).toBe(false);

  await app.goTo('Authorities');
  await authorities
    .entry('E2E Root')
    .getByText(/issued/)
    .click();
  await expect(authorities.entry('E2E Root')).toContainText('batch-worker');
});

test('first visit: the intermediate form waits for a root without an error, and its disabled button looks disabled in dark mode', async ({
  app,
  authorities,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  await app.goTo('Authorities');
  await expect(authorities.intermediateForm.getByLabel('Issuing CA')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(
    authorities.intermediateForm.getByText('Create a root CA first (or import one); it is offered here.'),
  ).toBeVisible();
  const disabled = authorities.intermediateForm.getByRole('button', { name: 'Create CA' });
  const enabled = authorities.rootForm.getByRole('button', { name: 'Create CA' });
  await expect(disabled).toBeDisabled();
  const background = (l: typeof enabled) => l.evaluate((b) => getComputedStyle(b).backgroundColor);
  // Not the accent dimmed: the panel grey, so it does not read as a live primary button.
  expect(await background(disabled)).not.toBe(await background(enabled));
  expect(await background(disabled)).toBe(
    await page.evaluate(() => getComputedStyle(document.querySelector('.app-header') ?? document.body).backgroundColor),
  );
});
