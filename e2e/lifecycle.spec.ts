/**
 * Issue 11 in the browser: the workspace as an inventory (natural order, filter, tree by issuer,
 * delete with its dependants and undo), renew a certificate and revoke a client, then download
 * the renewed certificate and the CA's CRL and let openssl judge them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './fixtures.ts';
import { judgeBundle } from './pages/bundle-judge.ts';
import type { Download, Page } from '@playwright/test';

async function saved(page: Page, click: () => Promise<void>, path: string): Promise<string> {
  const wait = page.waitForEvent('download');
  await click();
  const d: Download = await wait;
  await d.saveAs(path);
  return path;
}

function openssl(...args: string[]): { ok: boolean; output: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

test('the inventory: natural order, filter, tree by issuer, delete with dependants and undo', async ({
  app,
  cluster,
  workspace,
  page,
}) => {
  await app.open();
  await cluster.create({
    name: 'inv',
    nodes: 'node-1 10.0.0.1\nnode-10 10.0.0.10\nnode-2 10.0.0.2',
    clients: 'app',
    target: 'generic',
  });
  await app.goTo('Workspace');

  await workspace.search('node-');
  await expect(workspace.items().getByRole('rowheader')).toHaveText(['node-1', 'node-2', 'node-10']);
  await workspace.search('node-1');
  await expect(workspace.items().getByRole('rowheader')).toHaveText(['node-1', 'node-10']);
  await workspace.search('10.0.0.2');
  await expect(workspace.items().getByRole('rowheader')).toHaveText(['node-2']);
  await workspace.search('');
  await expect(workspace.item('node-2')).toContainText('valid');

  await page.getByRole('radio', { name: 'Tree by issuer' }).check();
  const tree = page.getByRole('navigation', { name: 'Issuer tree' });
  await expect(tree.getByRole('listitem').filter({ hasText: 'inv CA' }).first()).toContainText('node-10');
  await page.getByRole('radio', { name: 'Table' }).check();

  const before = await workspace.items().count();
  await workspace.item('inv CA').getByRole('button', { name: 'Delete inv CA' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Deleted with it' })).toContainText('node-10');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(workspace.item('node-1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(workspace.items()).toHaveCount(before);
  await app.reload();
  await app.goTo('Workspace');
  await expect(workspace.items()).toHaveCount(before);
});

test('renew a node and revoke a client in the browser; openssl judges the renewed certificate and the CRL', async ({
  app,
  cluster,
  workspace,
  page,
}, info) => {
  await app.open();
  await cluster.create({ name: 'life', nodes: 'n1 127.0.0.1 n1.life.internal', clients: 'app', target: 'generic' });
  await app.goTo('Workspace');

  const ca = await saved(
    page,
    () => workspace.item('life CA').getByRole('button', { name: 'Download life CA' }).click(),
    info.outputPath('ca.crt'),
  );
  const oldN1 = await saved(
    page,
    () => workspace.item('n1').getByRole('button', { name: 'Download n1' }).click(),
    info.outputPath('old-n1.crt'),
  );

  await workspace.item('n1').getByRole('button', { name: 'Renew n1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renewed n1' })).toBeVisible({ timeout: 30_000 });
  await expect(workspace.item('n1')).toHaveCount(2);
  await expect(workspace.item('n1').filter({ hasText: 'superseded' })).toHaveCount(1);
  const current = workspace.item('n1').filter({ hasNotText: 'superseded' });
  const newN1 = await saved(
    page,
    () => current.getByRole('button', { name: 'Download n1' }).click(),
    info.outputPath('new-n1.crt'),
  );

  const strict = openssl('verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', ca, newN1);
  expect(strict.ok, strict.output).toBe(true);
  const sans = (file: string) =>
    openssl('x509', '-in', file, '-noout', '-ext', 'subjectAltName').output.split('\n').slice(1).join(' ').trim();
  expect(sans(newN1)).toBe(sans(oldN1));
  expect(sans(newN1)).toBe('DNS:n1, IP Address:127.0.0.1, DNS:n1.life.internal');
  const serial = (file: string) => openssl('x509', '-in', file, '-noout', '-serial').output.trim();
  expect(serial(newN1)).not.toBe(serial(oldN1));

  const appCert = await saved(
    page,
    () => workspace.item('app').getByRole('button', { name: 'Download app' }).click(),
    info.outputPath('app.crt'),
  );
  await workspace.item('app').getByRole('button', { name: 'Revoke app' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption('keyCompromise');
  await dialog.getByRole('button', { name: 'Revoke app', exact: true }).click();
  await expect(workspace.item('app')).toContainText('revoked');

  const crl = await saved(
    page,
    () => workspace.item('life CA').getByRole('button', { name: 'Download CRL of life CA', exact: true }).click(),
    info.outputPath('life.crl.pem'),
  );
  const crlOk = openssl('crl', '-in', crl, '-CAfile', ca, '-verify', '-noout', '-crlnumber');
  expect(crlOk.output).toMatch(/verify OK/);
  expect(crlOk.output).toMatch(/crlNumber=0x01/);
  const refused = openssl('verify', '-crl_check', '-CAfile', ca, '-CRLfile', crl, appCert);
  expect(refused.ok).toBe(false);
  expect(refused.output).toMatch(/certificate revoked/);
  const accepted = openssl('verify', '-crl_check', '-CAfile', ca, '-CRLfile', crl, newN1);
  expect(accepted.ok, accepted.output).toBe(true);

  // The CA remembers: after a reload the next CRL is number 2 and still lists the client.
  await app.reload();
  await app.goTo('Workspace');
  await expect(workspace.item('app')).toContainText('revoked');
  const next = await saved(
    page,
    () => workspace.item('life CA').getByRole('button', { name: 'Download CRL of life CA', exact: true }).click(),
    info.outputPath('life-2.crl.pem'),
  );
  expect(openssl('crl', '-in', next, '-noout', '-crlnumber').output).toMatch(/crlNumber=0x02/);
  expect(openssl('verify', '-crl_check', '-CAfile', ca, '-CRLfile', next, appCert).output).toMatch(
    /certificate revoked/,
  );
});

test('the inventory with content passes axe: table, tree, a dialog and phone width, light and dark', async ({
  app,
  cluster,
  workspace,
  page,
}) => {
  await app.open();
  await cluster.create({ name: 'axe', nodes: 'n1 10.4.0.1\nn2 10.4.0.2', clients: 'app', target: 'generic' });
  await app.goTo('Workspace');
  await workspace.item('n1').getByRole('button', { name: 'Renew n1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renewed n1' })).toBeVisible({ timeout: 30_000 });
  await workspace.item('app').getByRole('button', { name: 'Revoke app' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke app', exact: true }).click();
  await expect(workspace.item('app')).toContainText('revoked');
  const violations = async (where: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.map(
        (v) =>
          `${v.id}: ${v.help} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
      where,
    ).toEqual([]);
  };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await violations(`table (${scheme})`);
    await workspace.item('axe CA').getByRole('button', { name: 'Delete axe CA' }).click();
    await violations(`delete dialog (${scheme})`);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await violations(`table at phone width (${scheme})`);
    await page.getByRole('radio', { name: 'Tree by issuer' }).check();
    await violations(`tree (${scheme})`);
    await page.getByRole('radio', { name: 'Table' }).check();
  }
});

/** Every distinct PEM certificate block in a zip. */
function certificatesIn(zip: string): Set<string> {
  const blocks = Object.values(unzipSync(readFileSync(zip))).flatMap(
    (bytes) => strFromU8(bytes).match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [],
  );
  return new Set(blocks);
}

test('renew a cluster in the browser and download it: openssl and a Node mTLS handshake judge the new bundle', async ({
  app,
  cluster,
  workspace,
  exporter,
  page,
}, info) => {
  await app.open();
  await cluster.create({
    name: 'again',
    nodes: 'n1 127.0.0.1 n1.again.internal\nn2 10.5.0.2',
    clients: 'app',
    target: 'generic',
  });
  await app.goTo('Workspace');
  await workspace.item('again (generic)').getByRole('button', { name: 'Renew cluster again (generic)' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Renewed every certificate of again (generic)' }),
  ).toBeVisible({ timeout: 30_000 });
  for (const name of ['n1', 'n2', 'app'])
    await expect(workspace.item(name).filter({ hasText: 'superseded' })).toHaveCount(1);
  await expect(workspace.item('again (generic)')).toContainText('superseded');

  await app.goTo('Export');
  const oldZip = info.outputPath('old.zip');
  await (await exporter.downloadBundle(/^again \(generic\) \(cluster bundle\)$/, 'generic')).saveAs(oldZip);
  // A fresh Export form: the plaintext-keys consent is asked per download.
  await app.goTo('Workspace');
  await app.goTo('Export');
  const newZip = info.outputPath('renewed.zip');
  await (await exporter.downloadBundle(/^again \(generic\), renewed /, 'generic')).saveAs(newZip);

  const verdict = await judgeBundle(newZip);
  expect(verdict.caSubject).toContain('CN=again CA');
  expect(verdict.leaves.map((l) => l.subject).sort()).toEqual(['CN=app', 'CN=n1', 'CN=n2']);
  for (const leaf of verdict.leaves.filter((l) => l.serverAuth))
    expect(leaf.asServer.ok, leaf.asServer.output).toBe(true);
  expect(verdict.handshake).toMatchObject({ ok: true, peerCommonName: 'app' });
  // Only the CA is shared: every leaf in the new zip is a new certificate.
  const before = certificatesIn(oldZip);
  expect([...certificatesIn(newZip)].filter((c) => before.has(c))).toHaveLength(1);
});
