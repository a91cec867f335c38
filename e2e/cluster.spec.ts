/**
 * The main path: a cluster of 3 nodes and 1 client for every target system; the downloaded zip
 * is unpacked and judged by openssl verify -x509_strict -purpose and a Node mTLS handshake.
 */
import { test, expect } from './fixtures.ts';
import { judgeBundle } from './pages/bundle-judge.ts';

const NODES = ['node1 10.0.0.1 node1.db.internal', 'node2 10.0.0.2 node2.db.internal', 'node3 10.0.0.3 node3.db.internal'].join('\n');
const TARGETS = ['ScyllaDB', 'Cassandra', 'casty', 'haystack', 'crank', 'Node.js', 'Kubernetes', 'generic'];

test('the target list offers every system', async ({ app, cluster }) => {
  await app.open();
  expect(await cluster.targets()).toEqual(TARGETS);
});

for (const target of TARGETS) {
  test(`cluster for ${target}: 3 nodes and 1 client, judged by openssl and a Node mTLS handshake`, async ({ app, cluster }, info) => {
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
    expect(verdict.handshake).toMatchObject({ ok: true, peerCommonName: 'app' });
  });
}

test('copy a snippet to the clipboard', async ({ app, cluster, page }) => {
  await app.open();
  await cluster.create({ name: 'copyme', nodes: 'n1 10.1.0.1', clients: 'app', target: 'ScyllaDB' });
  const code = await cluster.snippetCode(0).innerText();
  await cluster.copyButtons().first().click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe(code.trim());
  expect(copied).toContain('of cluster "copyme"');
});
