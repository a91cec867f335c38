/**
 * Authorities, Issue and Sign CSR as a user drives them: a root, an intermediate under it, a server
 * certificate from the intermediate, and a CSR made by openssl signed as a client, each download
 * judged by openssl verify -x509_strict -purpose. The CA tree's actions: issue from here, export the
 * key, revoke an intermediate and publish its root's CRL, judged by openssl crl -verify and -crl_check.
 */
import { spawnSync } from 'node:child_process';
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
  // With no CA yet the root form is the one open: it is the first step.
  const enabled = authorities.rootForm.getByRole('button', { name: 'Create CA' });
  await expect(enabled).toBeEnabled();
  const background = (l: typeof enabled) => l.evaluate((b) => getComputedStyle(b).backgroundColor);
  const live = await background(enabled);
  await authorities.openForm('intermediate');
  await expect(authorities.rootForm).toBeHidden();
  await expect(authorities.intermediateForm.getByLabel('Issuing CA')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(
    authorities.intermediateForm.getByText('Create a root CA first (or import one); it is offered here.'),
  ).toBeVisible();
  const disabled = authorities.intermediateForm.getByRole('button', { name: 'Create CA' });
  await expect(disabled).toBeDisabled();
  // Not the accent dimmed: the panel grey, so it does not read as a live primary button.
  expect(await background(disabled)).not.toBe(live);
  expect(await background(disabled)).toBe(
    await page.evaluate(() => getComputedStyle(document.querySelector('.app-header') ?? document.body).backgroundColor),
  );
});

test('the CA tree comes first: intermediates under their root, issue from here, export the key, revoke and publish the CRL (openssl judges)', async ({
  app,
  authorities,
  issue,
  page,
}, testInfo) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Tree Root');
  await authorities.createIntermediate('Tree Issuing', 'Tree Root');
  await authorities.createRoot('Other Root');

  // A fresh visit: the tree first, the forms closed below it.
  await app.goTo('Workspace');
  await app.goTo('Authorities');
  await expect(authorities.rootForm).toBeHidden();
  const topLevel = authorities.list.locator(':scope > li > article h4');
  await expect(topLevel).toHaveText(['Other Root', 'Tree Root']);
  await expect(
    authorities.list.getByRole('list', { name: 'CAs under Tree Root' }).getByRole('article', { name: 'Tree Issuing' }),
  ).toBeVisible();
  const treeBottom = (await authorities.list.boundingBox())?.y ?? Infinity;
  const addTop = (await page.getByRole('heading', { name: 'Add a CA' }).boundingBox())?.y ?? -Infinity;
  expect(treeBottom).toBeLessThan(addTop);

  // Issue from here: Issue opens with that CA chosen, not the newest one (Other Root).
  await authorities.entry('Tree Issuing').getByRole('link', { name: 'Issue from here' }).click();
  await expect(issue.form.getByLabel('Issuing CA').locator('option:checked')).toHaveText(/^Tree Issuing/);
  await issue.form.getByLabel('Profile').selectOption('server');
  await issue.form.getByLabel('Common name').fill('svc.tree.internal');
  await issue.form.getByLabel('Subject alternative names').fill('svc.tree.internal');
  await issue.form.getByRole('button', { name: 'Issue certificate' }).click();
  await expect(issue.result).toContainText('CN=Tree Issuing');

  // Export the key: Export opens on that CA, scrolled to its key form (focus on its heading), the key encrypted by default.
  await app.goTo('Authorities');
  await authorities.entry('Tree Root').getByRole('link', { name: 'Export the key…' }).click();
  await expect(page.getByLabel('Item', { exact: true }).locator('option:checked')).toHaveText(/^Tree Root/);
  const keyHeading = page.getByRole('heading', { name: 'Private key of Tree Root' });
  await expect(keyHeading).toBeFocused();
  await expect(keyHeading).toBeInViewport();
  await expect(page.getByRole('radio', { name: /^Encrypted PKCS#8/ })).toBeChecked();

  await app.goTo('Authorities');
  const save = async (button: ReturnType<typeof page.getByRole>, name: string) => {
    const wait = page.waitForEvent('download');
    await button.click();
    const path = testInfo.outputPath(name);
    await (await wait).saveAs(path);
    return path;
  };
  const root = await save(
    authorities.entry('Tree Root').getByRole('button', { name: 'Download certificate' }),
    'root.pem',
  );
  const intermediate = await save(
    authorities.entry('Tree Issuing').getByRole('button', { name: 'Download certificate and chain' }),
    'intermediate-chain.pem',
  );
  expect(openssl('verify', '-x509_strict', '-CAfile', root, intermediate).output).toMatch(/: OK/);

  await authorities.entry('Tree Issuing').getByRole('button', { name: 'Revoke…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke Tree Issuing?' });
  await dialog.getByLabel('Reason').selectOption('superseded');
  await dialog.getByRole('button', { name: 'Revoke Tree Issuing' }).click();
  await expect(authorities.entry('Tree Issuing')).toContainText('revoked');
  await expect(authorities.entry('Tree Issuing').getByRole('button', { name: 'Revoke…' })).toHaveCount(0);
  await expect(authorities.entry('Tree Root')).toContainText('1 revoked');

  const crl = await save(authorities.entry('Tree Root').getByRole('button', { name: 'Publish CRL' }), 'root.crl.pem');
  await expect(page.getByRole('status').filter({ hasText: 'CRL number 1 of Tree Root' })).toContainText(
    '1 revoked certificate',
  );
  const checked = openssl('crl', '-in', crl, '-CAfile', root, '-verify', '-noout', '-crlnumber');
  expect(checked.output).toMatch(/verify OK/);
  expect(checked.output).toMatch(/crlNumber=0x01/);
  const refused = openssl('verify', '-crl_check', '-CAfile', root, '-CRLfile', crl, intermediate);
  expect(refused.ok).toBe(false);
  expect(refused.output).toMatch(/certificate revoked/);
});

function openssl(...args: string[]): { ok: boolean; output: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.error) throw new Error('these tests need openssl 3 (apt-get install -y openssl)', { cause: r.error });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
