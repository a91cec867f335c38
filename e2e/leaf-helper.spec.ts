/**
 * A cluster's leaves are shared with the leaf helper worker where the machine has more than one
 * core (worker/leaf-helper-pool.ts): the Cluster form's first focus starts it, the helper makes its
 * share, and every leaf of the bundle, the helper's included, passes openssl verify -x509_strict as
 * a server and a client under the cluster's CA. Work that makes one certificate starts no helper.
 * The Inspect view starts it too, and it checks a share of a bundle's signatures.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { judgeBundle } from './pages/bundle-judge.ts';
import { InspectPage } from './pages/inspect-page.ts';

const HELPER_SCRIPT = /\/leaf-helper\.worker-[\w-]+\.js$/;
const NODES = Array.from({ length: 40 }, (_, i) => `node${i + 1} 10.3.0.${i + 1} node${i + 1}.db.internal`).join('\n');

test('a cluster of 40 nodes: the leaf helper makes its share, and every leaf passes openssl', async ({
  app,
  cluster,
  page,
}, info) => {
  const helpers: Worker[] = [];
  page.on('worker', (w) => void (HELPER_SCRIPT.test(w.url()) && helpers.push(w)));
  await app.open();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await cluster.fill({ name: 'shared', nodes: NODES, clients: 'app', target: 'generic' });
  // The helper starts with the form's first focus (it warms the Cluster operation) and is ready well
  // before a person clicks; a batch never waits for one, so wait for it here.
  if (cores > 1) await expect.poll(() => helpers.length).toBe(1);
  await page.waitForTimeout(500);
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(cluster.result).toContainText('40 node certificates');
  if (cores > 1) {
    const shares = await helpers[0]!.evaluate(
      (name) => performance.getEntriesByName(name).map((m) => (m as PerformanceMeasure).detail as number),
      'certbench-leaf-share',
    );
    expect(shares, 'the helper made one share of the nodes').toHaveLength(1);
    expect(shares[0]).toBeGreaterThanOrEqual(8);
  } else expect(helpers, 'no helper on a single core').toHaveLength(0);

  const download = await cluster.downloadBundle();
  const path = info.outputPath('bundle.zip');
  await download.saveAs(path);
  const verdict = await judgeBundle(path);
  const nodes = verdict.leaves.filter((l) => l.serverAuth);
  expect(nodes.map((n) => n.subject).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `CN=node${i + 1}`).sort());
  for (const n of nodes) {
    expect(n.asServer.ok, `${n.subject}: ${n.asServer.output}`).toBe(true);
    expect(n.asClient.ok, `${n.subject}: ${n.asClient.output}`).toBe(true);
  }
  expect(verdict.handshake).toMatchObject({ ok: true, peerCommonName: 'app' });
});

test('making a CA and opening Issue start no helper; the Cluster form does', async ({ app, authorities, page }) => {
  const helpers: Worker[] = [];
  page.on('worker', (w) => void (HELPER_SCRIPT.test(w.url()) && helpers.push(w)));
  // Straight to Authorities: the Cluster view, which opens first otherwise, would start the helper.
  await page.goto('./#/authorities');
  await app.waitReady();
  // With no CA yet, the root form opens by itself (add-ca.tsx); asking for it before it shows would close it.
  await expect(authorities.rootForm).toBeVisible();
  await authorities.createRoot('No Helper Root');
  await app.goTo('Issue');
  await page.waitForTimeout(500);
  expect(helpers, 'no helper for one CA').toHaveLength(0);
  await app.goTo('Cluster');
  await page.waitForTimeout(500);
  expect(helpers, 'the Cluster view alone starts none').toHaveLength(0);
  await page.getByRole('form', { name: 'Cluster setup' }).getByLabel('Nodes').focus();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores > 1) await expect.poll(() => helpers.length).toBe(1);
  else expect(helpers).toHaveLength(0);
});

test("the Inspect view starts the helper, and it checks a share of a CA bundle's signatures", async ({ app, page }) => {
  const helpers: Worker[] = [];
  page.on('worker', (w) => void (HELPER_SCRIPT.test(w.url()) && helpers.push(w)));
  await app.open();
  await app.goTo('Inspect');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores > 1) await expect.poll(() => helpers.length).toBe(1);
  await page.waitForTimeout(500);
  const bundle = '/etc/ssl/certs/ca-certificates.crt';
  const count = readFileSync(bundle, 'utf8').split('-----BEGIN CERTIFICATE-----').length - 1;
  expect(count, 'certificates in the system bundle (apt-get install -y ca-certificates)').toBeGreaterThan(50);
  const inspect = new InspectPage(page);
  await inspect.addFiles([bundle]);
  await expect(inspect.status).toHaveText(`${count} items read.`);
  await expect(inspect.table.getByRole('row')).toHaveCount(count + 1);
  if (cores > 1) {
    const shares = await helpers[0]!.evaluate(
      (name) => performance.getEntriesByName(name).map((m) => (m as PerformanceMeasure).detail as number),
      'certbench-verify-share',
    );
    expect(shares, 'the helper checked one share of the signatures').toHaveLength(1);
    // Shared by cost, so the count varies with the bundle's mix of keys; a share is never trivial.
    expect(shares[0]).toBeGreaterThanOrEqual(count / 5);
    expect(shares[0]).toBeLessThan(count);
  } else expect(helpers, 'no helper on a single core').toHaveLength(0);
});
