/** Inspect: real-world bundles, broken and whole chains, diagnosis for a host and role, saving, the JSON report. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { test as base, expect } from './fixtures.ts';
import { InspectPage, opensslPki, type TestPki } from './pages/inspect-page.ts';

const test = base.extend<{ inspect: InspectPage }>({
  inspect: async ({ page }, use) => {
    await use(new InspectPage(page));
  },
});

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

let pki: TestPki;
test.beforeAll(() => {
  pki = opensslPki();
});

test.beforeEach(async ({ app }) => {
  await app.open();
  await app.goTo('Inspect');
});

test('the system CA bundle: every certificate read, none a leaf, the report is the CLI JSON', async ({ inspect }) => {
  const count = readFileSync(SYSTEM_BUNDLE, 'utf8').split('-----BEGIN CERTIFICATE-----').length - 1;
  expect(count, 'certificates in the system bundle (apt-get install -y ca-certificates)').toBeGreaterThan(50);
  await inspect.addFiles([SYSTEM_BUNDLE]);
  await expect(inspect.status).toHaveText(`${count} items read.`);
  await expect(inspect.diagnosis).toContainText('No end-entity certificate');
  // Many certificates are one table, a row each (a header row besides), not one card each.
  await expect(inspect.table.getByRole('row')).toHaveCount(count + 1);
  await expect(inspect.page.getByRole('article')).toHaveCount(0);

  const download = await inspect.downloadReport();
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    kind: string;
    isCA?: boolean;
    fingerprints?: { sha256?: string };
  }[];
  expect(report).toHaveLength(count);
  expect(report.every((r) => r.kind === 'certificate' && /^[0-9a-f]{64}$/.test(r.fingerprints?.sha256 ?? ''))).toBe(
    true,
  );
});

test('the JSON report is what certbench inspect --json prints for the same files', async ({ inspect }) => {
  await inspect.addFiles([pki.leaf, pki.intermediate, pki.root, pki.leafKey]);
  const fromPage: unknown = JSON.parse(readFileSync(await (await inspect.downloadReport()).path(), 'utf8'));
  const names = [pki.leaf, pki.intermediate, pki.root, pki.leafKey].map((f) => basename(f));
  const fromCli: unknown = JSON.parse(
    execFileSync('node', [resolve('app/cli/certbench.mjs'), 'inspect', '--json', ...names], {
      cwd: pki.dir,
      encoding: 'utf8',
    }),
  );
  expect(fromPage).toEqual(fromCli);
});

const chainRows: {
  name: string;
  files: (p: TestPki) => string[];
  host: string;
  role: '' | 'server' | 'client';
  want: RegExp;
  code?: string;
}[] = [
  {
    name: 'a leaf without its intermediate: missing intermediate',
    files: (p) => [p.leaf, p.root],
    host: '',
    role: '',
    want: /CN=node1 does not validate/,
    code: 'missing-intermediate',
  },
  {
    name: 'the whole chain validates for its IP as a server',
    files: (p) => [p.leaf, p.intermediate, p.root],
    host: '10.0.0.1',
    role: 'server',
    want: /CN=node1 validates for 10\.0\.0\.1 as a server/,
  },
  {
    name: 'the whole chain, a host it does not name',
    files: (p) => [p.leaf, p.intermediate, p.root],
    host: 'other.db',
    role: 'client',
    want: /CN=node1 does not validate for other\.db as a client/,
    code: 'host-mismatch',
  },
];

test('diagnosis: a leaf without an authority key identifier, per TLS client with the fix', async ({ inspect }) => {
  await inspect.addFiles([pki.leafWithoutAki, pki.intermediate, pki.root]);
  await expect(inspect.diagnosis).toContainText(/CN=node2 does not validate under RFC 5280/);
  const clients = inspect.diagnosis.getByRole('list', { name: 'Per TLS client' });
  await expect(clients.getByRole('listitem')).toHaveCount(6);
  await expect(clients).toContainText('Python 3.13+: refuses — the leaf has no authority key identifier');
  await expect(clients).toContainText(
    "Fix: re-issue the leaf with an authority key identifier; certbench's own certificates have one.",
  );
  await expect(clients).toContainText('OpenSSL (Node.js, curl, Python ≤ 3.12): accepts');
});

for (const row of chainRows) {
  test(`diagnosis: ${row.name}`, async ({ inspect }) => {
    await inspect.host.fill(row.host);
    await inspect.role.selectOption(row.role);
    await inspect.addFiles(row.files(pki));
    await expect(inspect.diagnosis).toContainText(row.want);
    if (row.code) await expect(inspect.diagnosis.locator('code', { hasText: row.code })).toBeVisible();
  });
}

test('a file dropped anywhere on the page is read', async ({ inspect, page }) => {
  await inspect.dropFile('dropped.pem', readFileSync(pki.root, 'utf8'));
  await expect(inspect.item(/^CA certificate: CN=E2E Root/)).toBeVisible();
  await expect(page.getByText('Drop files to inspect them')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/inspect$/);
});

test('pasted PEM with its key: the certificate is saved with its key and shows in Export', async ({
  inspect,
  app,
  page,
}) => {
  await inspect.pastePem(readFileSync(pki.leaf, 'utf8') + readFileSync(pki.leafKey, 'utf8'));
  await expect(inspect.item(/^Certificate: CN=node1/)).toBeVisible();
  await expect(inspect.item(/^Private key/)).toBeVisible();
  await inspect.saveToWorkspace(/^Certificate: CN=node1/);
  await app.goTo('Export');
  await expect(
    page.getByLabel('Item', { exact: true }).locator('option', { hasText: 'CN=node1 (certificate, with key)' }),
  ).toHaveCount(1);
});
