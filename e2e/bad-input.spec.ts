/**
 * Bad input through the UI: garbage files, a wrong PKCS#12 password, a 20 MB file, an invalid SAN.
 * Each gives a clear message; the page keeps working (a good input right after reads); nothing
 * in the workspace is lost, also after a reload.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from './fixtures.ts';
import type { AppPage } from './pages/app-page.ts';
import { InspectPage, opensslPki, type TestPki } from './pages/inspect-page.ts';
import type { WorkspacePage } from './pages/workspace-page.ts';

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

/** A workspace that must survive: one root CA made in the app. */
test.beforeEach(async ({ app, authorities }) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Keep Me Root');
});

async function workspaceIntact(app: AppPage, workspace: WorkspacePage): Promise<void> {
  for (const step of ['now', 'after a reload'] as const) {
    if (step === 'after a reload') await app.reload();
    await app.goTo('Workspace');
    await expect(workspace.item('Keep Me Root'), `the workspace item ${step}`).toHaveCount(1);
  }
}

const garbage = [
  {
    name: 'junk.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  },
  {
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('these are not the certificates you are looking for\n'),
  },
  {
    name: 'broken.pem',
    mimeType: 'application/x-pem-file',
    buffer: Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB!!!not base64\n-----END CERTIFICATE-----\n'),
  },
];

test('garbage files: each is named as unreadable, and a good file right after reads', async ({
  app,
  inspect,
  workspace,
  page,
}) => {
  await app.goTo('Inspect');
  await inspect.addFiles(garbage);
  await expect(inspect.status).toHaveText(`0 items read, ${garbage.length} could not be read.`);
  for (const f of garbage)
    await expect(inspect.item(new RegExp(`^Could not read: ${f.name.replace('.', '\\.')}`))).toBeVisible();
  await expect(page.getByText(/unknown error/i)).toHaveCount(0);
  await inspect.clear();
  await inspect.addFiles([pki.leaf]);
  await expect(inspect.status).toHaveText('1 item read.');
  await workspaceIntact(app, workspace);
});

test('a wrong PKCS#12 password says so; the right one opens it', async ({ app, inspect, workspace }) => {
  await app.goTo('Inspect');
  await inspect.password.fill('not-the-password');
  await inspect.addFiles([p12]);
  await expect(inspect.page.getByRole('article').first()).toContainText(/wrong password/i);
  await inspect.password.fill('right-one');
  await inspect.inspect();
  await expect(inspect.item(/^Certificate: CN=node1/)).toBeVisible();
  await expect(inspect.item(/^Private key/)).toBeVisible();
  await workspaceIntact(app, workspace);
});

test('a 20 MB file is refused by name and size before it is read', async ({ app, inspect, workspace }) => {
  await app.goTo('Inspect');
  await inspect.files.setInputFiles([
    { name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(20 * 1024 * 1024, 0x30) },
  ]);
  await expect(inspect.alert).toContainText(/huge\.bin is 20 MiB; certbench reads inputs up to 10 MiB/);
  await inspect.pastePem(readFileSync(pki.root, 'utf8'));
  await expect(inspect.item(/^CA certificate: CN=E2E Root/)).toBeVisible();
  await workspaceIntact(app, workspace);
});

test('an invalid SAN is named beside the field and nothing is issued', async ({ app, issue, workspace, page }) => {
  await app.goTo('Issue');
  await issue.fill({ ca: 'Keep Me Root', profile: 'server', cn: 'web.example', sans: 'web.example, 10.0.0.300' });
  await expect(page.getByText('"10.0.0.300"')).toBeVisible();
  await expect(issue.result).toHaveCount(0);
  await workspaceIntact(app, workspace);
  await expect(workspace.items()).toHaveCount(1);
});
