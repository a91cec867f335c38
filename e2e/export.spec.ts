/**
 * Export: PKCS#12 keystore and truststore opened by openssl and keytool, keys encrypted by
 * default (plaintext only after an acknowledgement), a bundle re-zipped for another layout and
 * judged, and a snippet copied to the clipboard.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test as base, expect } from './fixtures.ts';
import { ExportPage } from './pages/export-page.ts';
import { InspectPage, opensslPki, type TestPki } from './pages/inspect-page.ts';
import { judgeBundle } from './pages/bundle-judge.ts';
import { copyCodeBlock } from './pages/code-block.ts';

const test = base.extend<{ inspect: InspectPage; exporter: ExportPage }>({
  inspect: async ({ page }, use) => {
    await use(new InspectPage(page));
  },
  exporter: async ({ page }, use) => {
    await use(new ExportPage(page));
  },
});

/** Run a judge; a missing tool fails with the command that installs it. */
function judge(tool: 'openssl' | 'keytool', args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(tool, args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { code?: string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error(
        `${tool} is needed: apt-get install -y ${tool === 'openssl' ? 'openssl' : 'openjdk-17-jre-headless'}`,
        { cause: e },
      );
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

let pki: TestPki;
test.beforeAll(() => {
  pki = opensslPki();
});

/** Put the openssl-made root (with key) and leaf (with key and intermediate) in the workspace through Inspect. */
test.beforeEach(async ({ app, inspect }) => {
  await app.open();
  await app.goTo('Inspect');
  const text = (...files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('');
  await inspect.pastePem(text(pki.leaf, pki.leafKey, pki.intermediate, pki.root, pki.rootKey));
  await inspect.saveToWorkspace(/^Certificate: CN=node1/);
  await inspect.saveToWorkspace(/^CA certificate: CN=E2E Root/);
  await app.goTo('Export');
});

test('a PKCS#12 keystore opens in openssl and keytool with its alias and chain', async ({ exporter }, info) => {
  await exporter.chooseItem('CN=node1 (certificate, with key)');
  const download = await exporter.downloadPkcs12('keystore', 'e2e-secret', 'node1');
  const path = info.outputPath('node1.p12');
  await download.saveAs(path);
  const openssl = judge('openssl', ['pkcs12', '-in', path, '-passin', 'pass:e2e-secret', '-nokeys', '-info']);
  expect(openssl.ok, openssl.output).toBe(true);
  expect(openssl.output).toContain('subject=CN = node1');
  expect(openssl.output).toContain('subject=CN = E2E Issuing');
  expect(judge('openssl', ['pkcs12', '-in', path, '-passin', 'pass:wrong', '-noout']).ok).toBe(false);
  const keytool = judge('keytool', [
    '-list',
    '-v',
    '-storetype',
    'PKCS12',
    '-keystore',
    path,
    '-storepass',
    'e2e-secret',
  ]);
  expect(keytool.ok, keytool.output).toBe(true);
  expect(keytool.output).toMatch(/Alias name: node1/);
  expect(keytool.output).toMatch(/Entry type: PrivateKeyEntry/);
  expect(keytool.output).toMatch(/Certificate chain length: 2/);
});

test('a PKCS#12 truststore of the root lists as a trusted entry in keytool', async ({ exporter }, info) => {
  await exporter.chooseItem('CN=E2E Root (CA');
  const download = await exporter.downloadPkcs12('truststore', 'trust-me', 'e2e-root');
  const path = info.outputPath('root.p12');
  await download.saveAs(path);
  expect(judge('openssl', ['pkcs12', '-in', path, '-passin', 'pass:trust-me', '-noout']).ok).toBe(true);
  const keytool = judge('keytool', ['-list', '-storetype', 'PKCS12', '-keystore', path, '-storepass', 'trust-me']);
  expect(keytool.output).toMatch(/e2e-root, .*trustedCertEntry/);
});

test('keys: encrypted by default and opened with the passphrase; plaintext only after saying so', async ({
  exporter,
}, info) => {
  await exporter.chooseItem('CN=node1 (certificate, with key)');
  // An EC key: SEC1 is offered, PKCS#1 (RSA only) is not.
  const keyForm = exporter.itemSection.getByRole('form', { name: 'Private key' });
  await expect(keyForm.getByLabel(/^SEC1/)).toHaveCount(1);
  await expect(keyForm.getByLabel(/^PKCS#1/)).toHaveCount(0);
  const encrypted = info.outputPath('node1.key.pem');
  await (await exporter.downloadEncryptedKey('key-pass')).saveAs(encrypted);
  expect(readFileSync(encrypted, 'utf8')).toContain('BEGIN ENCRYPTED PRIVATE KEY');
  expect(judge('openssl', ['pkey', '-in', encrypted, '-passin', 'pass:key-pass', '-noout']).ok).toBe(true);
  expect(judge('openssl', ['pkey', '-in', encrypted, '-passin', 'pass:nope', '-noout']).ok).toBe(false);

  const plain = info.outputPath('node1.plain.pem');
  await (await exporter.downloadPlainKey()).saveAs(plain);
  const ours = judge('openssl', ['pkey', '-in', plain, '-pubout']);
  const theirs = judge('openssl', ['pkey', '-in', pki.leafKey, '-pubout']);
  expect(ours.output).toBe(theirs.output);
});

test('a cluster bundle re-zipped for another layout is judged, and a snippet copies', async ({
  app,
  cluster,
  exporter,
  page,
}, info) => {
  await app.goTo('Cluster');
  await cluster.create({
    name: 'relay',
    nodes: 'n1 10.2.0.1 n1.relay.internal\nn2 10.2.0.2',
    clients: 'app',
    target: 'ScyllaDB',
  });
  await app.goTo('Export');
  const download = await exporter.downloadBundle('relay', 'casty');
  const path = info.outputPath('relay-casty.zip');
  await download.saveAs(path);
  const verdict = await judgeBundle(path);
  expect(
    verdict.leaves
      .filter((l) => l.serverAuth)
      .map((l) => l.subject)
      .sort(),
  ).toEqual(['CN=n1', 'CN=n2']);
  for (const leaf of verdict.leaves) expect(leaf.asClient.ok, leaf.asClient.output).toBe(true);
  expect(verdict.handshake).toMatchObject({ ok: true, peerCommonName: 'app' });

  const { shown, clipboard } = await copyCodeBlock(
    page.getByRole('region', { name: 'Snippets' }).locator('figure').first(),
  );
  expect(clipboard.trim()).toBe(shown.trim());
});

test('a snippet that cannot be made safe for its system says so beside it', async ({
  app,
  cluster,
  exporter,
  page,
}) => {
  await app.goTo('Cluster');
  await cluster.create({ name: 'workers', nodes: 'w1 w1.local', clients: 'app', target: 'crank' });
  await app.goTo('Export');
  await exporter.chooseBundle('workers', 'crank');
  const snippets = page.getByRole('region', { name: 'Snippets' });
  await expect(
    snippets
      .getByRole('note')
      .filter({ hasText: "crank's own to_uvicorn_config() does not require client certificates" }),
  ).toBeVisible();
  await expect(snippets.getByRole('heading', { name: /^crank: worker key and CSR/ })).toBeVisible();
});
