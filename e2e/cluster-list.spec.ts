/**
 * Issue 11: the Cluster view lists the clusters of the workspace after a reload, downloads one
 * again, and renews a whole cluster (same names, new keys and serials, a new bundle for the same
 * target) while the old bundle stays, superseded. openssl and a Node mTLS handshake judge the
 * renewed zip, which shares only the CA with the first one.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { judgeBundle } from './pages/bundle-judge.ts';

/** Every distinct PEM certificate block in a zip. */
function certificatesIn(zip: string): Set<string> {
  const blocks = Object.values(unzipSync(readFileSync(zip))).flatMap(
    (bytes) => strFromU8(bytes).match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [],
  );
  return new Set(blocks);
}

test('Your clusters: listed after a reload, downloaded again, renewed as a whole and judged', async ({
  app,
  cluster,
  page,
}, info) => {
  await app.open();
  await cluster.create({
    name: 'fleet',
    nodes: 'n1 127.0.0.1 n1.fleet.internal\nn2 10.6.0.2',
    clients: 'app',
    target: 'ScyllaDB',
  });
  await app.reload();
  await app.goTo('Cluster');

  const list = page.getByRole('list', { name: 'Your clusters' });
  const entry = (name: string | RegExp): Locator =>
    list.getByRole('listitem', { name, exact: typeof name === 'string' });
  await expect(entry('fleet (scylla)')).toContainText('ScyllaDB: 2 nodes, 1 client');
  await expect(entry('fleet (scylla)')).toContainText('valid');

  const save = async (name: string | RegExp, file: string): Promise<string> => {
    const wait = page.waitForEvent('download');
    await entry(name)
      .getByRole('button', { name: /^Download / })
      .click();
    const path = info.outputPath(file);
    await (await wait).saveAs(path);
    return path;
  };
  const oldZip = await save('fleet (scylla)', 'fleet.zip');
  expect((await judgeBundle(oldZip)).handshake).toMatchObject({ ok: true, peerCommonName: 'app' });

  await entry('fleet (scylla)').getByRole('button', { name: 'Renew cluster fleet (scylla)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renewed every certificate of fleet (scylla)' })).toBeVisible(
    {
      timeout: 30_000,
    },
  );
  await expect(entry('fleet (scylla)')).toContainText('superseded');
  await expect(entry('fleet (scylla)').getByRole('button', { name: /^Renew/ })).toHaveCount(0);
  const renewed = /^fleet \(scylla\), renewed /;
  await expect(entry(renewed)).toContainText('ScyllaDB: 2 nodes, 1 client');

  // After a reload both are still there: the renewed one first, the old one superseded.
  await app.reload();
  await app.goTo('Cluster');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName(renewed);
  const newZip = await save(renewed, 'fleet-renewed.zip');

  const verdict = await judgeBundle(newZip);
  expect(verdict.caSubject).toContain('CN=fleet CA');
  expect(verdict.leaves.map((l) => l.subject).sort()).toEqual(['CN=app', 'CN=n1', 'CN=n2']);
  for (const leaf of verdict.leaves.filter((l) => l.serverAuth))
    expect(leaf.asServer.ok, leaf.asServer.output).toBe(true);
  expect(verdict.handshake).toMatchObject({ ok: true, peerCommonName: 'app' });
  // Same file names for the same target; only the CA certificate is shared between the two zips.
  expect(Object.keys(unzipSync(readFileSync(newZip))).sort()).toEqual(
    Object.keys(unzipSync(readFileSync(oldZip))).sort(),
  );
  const before = certificatesIn(oldZip);
  expect([...certificatesIn(newZip)].filter((c) => before.has(c))).toHaveLength(1);
});
