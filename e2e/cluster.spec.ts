/**
 * The main path: a cluster of 3 nodes and 1 client for every target system; the downloaded zip
 * is unpacked and judged by openssl verify -x509_strict -purpose and a Node mTLS handshake.
 */
import { test, expect } from './fixtures.ts';
import { judgeBundle } from './pages/bundle-judge.ts';
import { copyCodeBlock } from './pages/code-block.ts';

const NODES = [
  'node1 10.0.0.1 node1.db.internal',
  'node2 10.0.0.2 node2.db.internal',
  'node3 10.0.0.3 node3.db.internal',
].join('\n');
const TARGETS = ['ScyllaDB', 'Cassandra', 'casty', 'haystack', 'crank', 'Node.js', 'Kubernetes', 'generic'];

test('the target list offers every system', async ({ app, cluster }) => {
  await app.open();
  expect(await cluster.targets()).toEqual(TARGETS);
});

for (const target of TARGETS) {
  test(`cluster for ${target}: 3 nodes and 1 client, judged by openssl and a Node mTLS handshake`, async ({
    app,
    cluster,
  }, info) => {
    await app.open();
    await cluster.create({ name: 'prod', nodes: NODES, clients: 'app', target });
    const download = await cluster.downloadBundle();
    expect(download.suggestedFilename()).toMatch(/^prod-.*\.zip$/);
    const path = info.outputPath('bundle.zip');
    await download.saveAs(path);
    const verdict = await judgeBundle(path);
    expect(verdict.caSubject).toContain('CN=prod CA');
    const nodes = verdict.leaves.filter((l) => l.serverAuth);
    const clients = verdict.leaves.filter((l) => !l.serverAuth);
    expect(nodes.map((n) => n.subject).sort()).toEqual(['CN=node1', 'CN=node2', 'CN=node3']);
    expect(clients.map((c) => c.subject)).toEqual(['CN=app']);
    for (const n of nodes) {
      expect(n.asServer.ok, n.asServer.output).toBe(true);
      expect(n.asClient.ok, n.asClient.output).toBe(true);
    }
    for (const c of clients) {
      expect(c.asClient.ok, c.asClient.output).toBe(true);
      expect(c.asServer.ok, 'a client certificate must not pass as a server').toBe(false);
    }
    if (target === 'crank') {
      // crank's keys are made on the workers: its bundle holds certificates and ca.crt only.
      expect(verdict.keys).toBe(0);
      expect(verdict.handshake).toBeNull();
      await expect(
        cluster.result
          .getByRole('note')
          .filter({ hasText: "crank's own to_uvicorn_config() does not require client certificates" }),
      ).toBeVisible();
    } else {
      expect(verdict.handshake).toMatchObject({ ok: true, peerCommonName: 'app' });
    }
  });
}

test('copy a snippet to the clipboard', async ({ app, cluster }) => {
  await app.open();
  await cluster.create({ name: 'copyme', nodes: 'n1 10.1.0.1', clients: 'app', target: 'ScyllaDB' });
  const { shown, clipboard } = await copyCodeBlock(cluster.snippet(0));
  expect(clipboard.trim()).toBe(shown.trim());
  expect(clipboard).toContain('of cluster "copyme"');
});

const hundred = Array.from(
  { length: 100 },
  (_, i) => `node${i + 1} 10.0.${Math.floor(i / 200)}.${(i % 200) + 1} node${i + 1}.db.internal`,
).join('\n');

test('100 nodes is an ordinary run, and the workspace holds them all', async ({ app, cluster, workspace }) => {
  await app.open();
  await cluster.create({ name: 'big', nodes: hundred, clients: 'app', target: 'generic' });
  await expect(cluster.result).toContainText('100 node certificates');
  await app.goTo('Workspace');
  await workspace.search('node100');
  await expect(workspace.items()).toHaveCount(1);
});

test('Cancel stops a run and saves nothing', async ({ app, cluster, workspace, page }) => {
  await app.open();
  const big = Array.from({ length: 400 }, (_, i) => `n${i + 1} rsa${i + 1}.internal`).join('\n');
  await cluster.fill({ name: 'cancelled', nodes: big, clients: 'app', target: 'generic' });
  // RSA 4096 keys take long enough to cancel in the middle.
  await cluster.form.getByLabel('Key type').selectOption({ label: 'RSA 4096' });
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await cluster.form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled: nothing was saved.')).toBeVisible();
  await app.goTo('Workspace');
  await expect(workspace.items()).toHaveCount(0);
});
