/**
 * Issue 12, forms and choices: names that clash are said as typed, before anything is made; CAs of
 * one name are told apart in the selects; each target system is explained and "generic" is never
 * Node.js; Cassandra with PKCS#12 asks for the store password and puts keystore and truststore in
 * the zip (opened by keytool); Issue and Sign CSR add the CN's host name by one rule and say so;
 * a long node list's snippets are picked by typing a node's name.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import type { Download, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { opensslMakeCsr } from '../app/test/judges/index.ts';
import { judgeCassandraStores } from '../app/test/judges/keytool-stores.ts';
import { TARGETS } from '../app/targets/index.ts';

test('two CAs of one name: warned while typing, then told apart by date and serial in the CA select', async ({
  app,
  authorities,
  issue,
}) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('dup CA');
  await authorities.openForm('root');
  await authorities.rootForm.getByLabel('Common name').fill('Dup CA');
  const note = authorities.rootForm.getByText(
    /already has a CA named "Dup CA" \(created \d{4}-\d\d-\d\d \d\d:\d\d UTC, serial [0-9A-F]{8}…\)/,
  );
  await expect(note).toBeVisible();
  await expect(authorities.rootForm.getByLabel('Common name')).toHaveAccessibleDescription(/already has a CA named/);
  // A warning, not a refusal: a second root of the same name may be meant (a replacement).
  await authorities.rootForm.getByLabel('Common name').fill('dup CA');
  await authorities.rootForm.getByRole('button', { name: 'Create CA' }).click();
  await expect(authorities.created('root', 'dup CA')).toBeVisible({ timeout: 30_000 });

  await app.goTo('Issue');
  const options = issue.form.getByLabel('Issuing CA').getByRole('option', { name: /^dup CA \(created / });
  await expect(options).toHaveCount(2);
  const [first, second] = await options.allTextContents();
  expect(first).toMatch(/^dup CA \(created \d{4}-\d\d-\d\d \d\d:\d\d UTC, serial [0-9A-F]{8}…\)$/);
  expect(second).not.toBe(first);
  await expect(issue.form.getByLabel('Issuing CA')).toHaveAccessibleDescription(/^Chosen: dup CA, created .* expires/);
});

test('Cluster: a node and a client of one name, a node twice, and a cluster name in use are said as typed', async ({
  app,
  cluster,
}) => {
  await app.open();
  await cluster.fill({ name: 'twins', nodes: 'alice 10.0.0.1\nbob 10.0.0.2', clients: 'alice', target: 'ScyllaDB' });
  const clients = cluster.form.getByLabel('Clients');
  await expect(clients).toHaveAttribute('aria-invalid', 'true');
  await expect(clients).toHaveAccessibleDescription(/"alice" is already the node on line 1 of Nodes/);
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(cluster.result).toHaveCount(0); // nothing made, nothing saved

  await cluster.form.getByLabel('Nodes').fill('alice 10.0.0.1\nAlice 10.0.0.2');
  await expect(cluster.form.getByLabel('Nodes')).toHaveAccessibleDescription(
    /"Alice" on line 2 is already the node on line 1/,
  );

  await cluster.create({ name: 'twins', nodes: 'alice 10.0.0.1\nbob 10.0.0.2', clients: 'app', target: 'ScyllaDB' });
  await cluster.form.getByLabel('Cluster name').fill('twins');
  await expect(cluster.form.getByLabel('Cluster name')).toHaveAccessibleDescription(
    /already has a CA named "twins CA" \(created .*\) from a cluster called "twins"/,
  );
});

test('Issue: a client named like a node under the same CA is said as typed, and Export still zips the CA', async ({
  app,
  cluster,
  issue,
  exporter,
}, info) => {
  await app.open();
  await cluster.create({ name: 'ring', nodes: 'alice 10.0.0.1', clients: 'app', target: 'generic' });
  await app.goTo('Issue');
  const cn = issue.form.getByLabel('Common name');
  // The same name and kind again is a renewal: said, not refused.
  await issue.fill({ ca: 'ring CA', profile: 'node', cn: 'alice', sans: '10.0.0.1' });
  await expect(cn).toHaveAccessibleDescription(/A certificate named "alice" is already under "ring CA"/);
  await issue.fill({ ca: 'ring CA', profile: 'client', cn: 'alice', sans: '' });
  await expect(cn).not.toHaveAttribute('aria-invalid', 'true');
  await expect(cn).toHaveAccessibleDescription(
    /"alice" is already a node certificate under "ring CA" \(created .*\): .*under "alice-2".*"alice-client"/,
  );
  await issue.form.getByRole('button', { name: 'Issue certificate' }).click();
  await expect(issue.result).toBeVisible({ timeout: 30_000 });

  // Before: Export refused the CA's bundle ('"alice" is used twice (also nodes[0])').
  await app.goTo('Export');
  const download = await exporter.downloadBundle('ring CA', 'generic');
  const path = info.outputPath('ring-generic.zip');
  await download.saveAs(path);
  const files = Object.keys(unzipSync(readFileSync(path)));
  expect(files).toEqual(expect.arrayContaining(['alice.crt', 'alice-2.crt', 'app.crt']));
});

test('every target is explained in one line, and "generic" never calls itself Node.js', async ({
  app,
  cluster,
}, info) => {
  await app.open();
  const select = cluster.form.getByLabel('Target system');
  for (const t of TARGETS) {
    await select.selectOption(t.id);
    await expect(select).toHaveAccessibleDescription(
      new RegExp(`^${t.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`),
    );
  }
  await cluster.form.getByText('What each target system is').click();
  for (const [label, words] of [
    ['casty', /actor-cluster library/],
    ['haystack', /Project Haystack/],
    ['crank', /keys made on each worker \(CSR\)/],
  ] as const) {
    const term = cluster.form.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) });
    await expect(term).toBeVisible();
    await expect(cluster.form.getByRole('definition').filter({ hasText: words })).toBeVisible();
  }

  await cluster.create({ name: 'plain', nodes: 'web1 10.0.0.5 web1.example', clients: 'app', target: 'generic' });
  await expect(cluster.result).toContainText('laid out for generic.');
  await expect(cluster.result).not.toContainText('Node.js');
  const download = await cluster.downloadBundle();
  const path = info.outputPath('plain-generic.zip');
  await download.saveAs(path);
  const readme = strFromU8(unzipSync(readFileSync(path))['README.txt'] ?? new Uint8Array());
  expect(readme).toContain('laid out for Generic PEM files');
  expect(readme).not.toContain('Node');
});

test('snippets: the target own first under contents, and a node picker rewrites the per-node ones', async ({
  app,
  cluster,
}) => {
  await app.open();
  await cluster.create({
    name: 'scy',
    nodes: 'db1 10.0.0.1 db1.example\ndb2 10.0.0.2 db2.example',
    clients: 'app',
    target: 'ScyllaDB',
  });
  const panel = cluster.result.getByRole('region', { name: 'Snippets' });
  const contents = panel.getByRole('navigation', { name: 'Snippets on this page' });
  await expect(contents.getByRole('button').first()).toHaveText('ScyllaDB: scylla.yaml encryption options');
  const firstCode = panel.locator(':scope > .snippet').first().locator('pre');
  await expect(firstCode).toContainText('/etc/scylla/certs/db1/');
  await panel.getByLabel('Node for the snippets').selectOption('db2');
  await expect(firstCode).toContainText('/etc/scylla/certs/db2/');
  await expect(firstCode).not.toContainText('/etc/scylla/certs/db1/');
  // A contents entry takes the reader (and the focus) to its snippet.
  await contents.getByRole('button', { name: /^cqlsh/ }).click();
  await expect(panel.getByRole('heading', { name: /^cqlsh/ })).toBeFocused();
});

test('snippets of a long node list: the node is picked by typing, with suggestions, and a name no node has is said', async ({
  app,
  cluster,
  page,
}) => {
  await app.open();
  // Over SELECT_MAX (100) names the picker is a search box (components/name-picker.tsx).
  const nodes = Array.from({ length: 120 }, (_, i) => `node${i + 1} 10.0.0.${i + 1}`).join('\n');
  await cluster.create({ name: 'many', nodes, clients: 'app', target: 'ScyllaDB' });
  const panel = cluster.result.getByRole('region', { name: 'Snippets' });
  // A search box with suggestions (a datalist) is a combobox to assistive technology.
  const box = panel.getByRole('combobox', { name: 'Node for the snippets' });
  const firstCode = panel.locator(':scope > .snippet').first().locator('pre');
  await expect(box).toHaveValue('node1');
  await expect(box).toHaveAccessibleDescription(
    /120 nodes: type a name, or part of one, and pick it\. The snippets are for node1\./,
  );
  await expect(firstCode).toContainText('/etc/scylla/certs/node1/');

  // Part of a name is a search: the names holding it are suggested, nothing is refused, and the
  // snippets stay with the node picked.
  await box.fill('ode11');
  const suggestions = page.locator(`datalist[id="${await box.getAttribute('list')}"] option`);
  const suggested = () => suggestions.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const node11s = ['node11', ...Array.from({ length: 10 }, (_, i) => `node11${i}`)];
  await expect(suggestions).toHaveCount(11);
  expect(await suggested()).toEqual(node11s);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await expect(firstCode).toContainText('/etc/scylla/certs/node1/');

  // Typed from its start, the names starting with it come first; "node11" is also a name, so it is picked.
  await box.fill('node11');
  expect(await suggested()).toEqual(node11s);
  await expect(firstCode).toContainText('/etc/scylla/certs/node11/');

  // A name typed in full picks that node: the per-node snippets are rewritten for it.
  await box.fill('node117');
  await expect(firstCode).toContainText('/etc/scylla/certs/node117/');
  await expect(firstCode).not.toContainText('/etc/scylla/certs/node1/');
  await expect(box).toHaveAccessibleDescription(/The snippets are for node117\./);

  // A name no node has is said beside the box, and the snippets stay with the node picked.
  await box.fill('nodeX');
  await expect(panel.getByText('No node is named "nodeX" in this bundle.')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(firstCode).toContainText('/etc/scylla/certs/node117/');
});

/** Unpack a downloaded zip into the test output and let keytool judge its Cassandra stores. */
async function judgeZip(download: Download, name: string, info: TestInfo) {
  const zipPath = info.outputPath(`${name}.zip`);
  await download.saveAs(zipPath);
  const entries = unzipSync(readFileSync(zipPath));
  const dir = info.outputPath(name);
  for (const [file, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
  }
  return { entries, verdicts: judgeCassandraStores(dir, ['cass1'], 'ring-store-1') };
}

test('Cassandra with PKCS#12: the store password is asked, and keytool opens the keystore and truststore from the zip, also downloaded again and from Export', async ({
  app,
  cluster,
  exporter,
  page,
}, info) => {
  const password = 'ring-store-1';
  await app.open();
  await cluster.fill({ name: 'cring', nodes: 'cass1 10.0.0.1 cass1.db', clients: 'cqlsh', target: 'Cassandra' });
  await cluster.form.getByLabel('Cassandra files').selectOption({ label: 'PKCS#12 keystore and truststore' });
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(cluster.form.getByLabel('Store password')).toHaveAccessibleDescription(/Choose a store password/);
  await expect(cluster.result).toHaveCount(0);
  await cluster.form.getByLabel('Store password').fill(password);
  await cluster.form.getByRole('button', { name: 'Create cluster certificates' }).click();
  await expect(cluster.result.getByRole('button', { name: 'Download bundle' })).toBeEnabled({ timeout: 60_000 });

  const panel = cluster.result.getByRole('region', { name: 'Snippets' });
  await expect(panel.getByRole('heading', { name: /cassandra\.yaml with PKCS#12/ })).toBeVisible();
  await expect(panel.getByRole('heading', { name: /cassandra\.yaml with PEM files/ })).toHaveCount(0);
  const yamlText = await panel
    .locator('.snippet')
    .filter({ hasText: 'cassandra.yaml with PKCS#12' })
    .locator('pre')
    .textContent();

  const { entries, verdicts } = await judgeZip(await cluster.downloadBundle(), 'cring-cassandra', info);
  expect(Object.keys(entries)).toEqual(expect.arrayContaining(['cass1/keystore.p12', 'cass1/truststore.p12']));
  expect(Object.keys(entries).some((p) => p.endsWith('keystore.pem'))).toBe(false);

  // cassandra.yaml names exactly the files in the zip (under the folder it is unpacked to).
  const yaml = parse(yamlText ?? '') as Record<string, Record<string, string>>;
  const root = '/etc/cassandra/certs/';
  for (const section of ['server_encryption_options', 'client_encryption_options']) {
    const o = yaml[section] ?? {};
    expect(o.store_type).toBe('PKCS12');
    for (const file of [o.keystore, o.truststore]) {
      expect(file?.startsWith(root)).toBe(true);
      expect(Object.keys(entries)).toContain(file?.slice(root.length));
    }
  }

  const expectStores = (judged: Awaited<ReturnType<typeof judgeZip>>) => {
    expect(Object.keys(judged.entries).some((p) => p.endsWith('keystore.pem'))).toBe(false);
    const [keystore, truststore] = judged.verdicts;
    expect(keystore?.listStatus, keystore?.output).toBe(0);
    expect(keystore?.entries).toEqual({ privateKey: 1, trustedCert: 0 });
    expect(keystore?.keyOpensStatus, keystore?.output).toBe(0);
    expect(keystore?.wrongPasswordStatus).not.toBe(0);
    expect(truststore?.listStatus, truststore?.output).toBe(0);
    expect(truststore?.entries.trustedCert).toBeGreaterThan(0);
    expect(truststore?.wrongPasswordStatus).not.toBe(0);
  };
  expectStores({ entries, verdicts });

  // Issue 11: after a reload "Download again" builds PKCS#12 stores again, asking for the store
  // password (the workspace never keeps it), and Export → Bundles starts from the same form.
  await app.reload();
  await app.goTo('Cluster');
  const entry = page.getByRole('list', { name: 'Your clusters' }).getByRole('listitem', { name: 'cring (cassandra)' });
  await expect(entry).toContainText('Cassandra with PKCS#12 stores: 1 node, 1 client');
  await entry.getByRole('button', { name: 'Download cring (cassandra)' }).click();
  const ask = page.getByRole('dialog', { name: 'Download cring (cassandra) again' });
  await expect(ask.getByLabel('Store password')).toBeFocused();
  await ask.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(ask.getByLabel('Store password')).toHaveAccessibleDescription(/Choose a store password/);
  await ask.getByLabel('Store password').fill(password);
  const again = page.waitForEvent('download');
  await ask.getByRole('button', { name: 'Download', exact: true }).click();
  expectStores(await judgeZip(await again, 'cring-again', info));
  await expect(ask).toHaveCount(0);

  await app.goTo('Export');
  const form = exporter.bundleSection.getByRole('form', { name: 'Bundle download' });
  await form.getByLabel('Bundle or CA').selectOption({ label: 'cring (cassandra) (cluster bundle)' });
  await expect(form.getByLabel('Layout')).toHaveValue('cassandra');
  await expect(form.getByLabel('Cassandra files')).toHaveValue('pkcs12');
  // The node keys are in the keystores; the cqlsh client's key is a PEM file, and the form says so.
  await form.getByLabel('I understand the zip holds unencrypted private keys').check();
  await form.getByRole('button', { name: 'Download bundle' }).click();
  await expect(form.getByLabel('Store password')).toHaveAccessibleDescription(/Choose a store password/);
  await form.getByLabel('Store password').fill(password);
  const exported = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Download bundle' }).click();
  expectStores(await judgeZip(await exported, 'cring-export', info));
});

test('Issue and Sign CSR add the CN host name by one rule, say so before, and name it in the result', async ({
  app,
  authorities,
  issue,
  csr,
}) => {
  await app.open();
  await app.goTo('Authorities');
  await authorities.createRoot('Rule Root');

  await app.goTo('Sign CSR');
  const request = await opensslMakeCsr({ cn: 'db7.internal' }); // no SANs at all
  await csr.paste(request.csrPem);
  await csr.form.getByLabel('Profile').selectOption('client');
  const sans = csr.form.getByLabel('Subject alternative names');
  await expect(sans).not.toHaveAccessibleDescription(/will be added/);
  await csr.form.getByLabel('Profile').selectOption('node');
  await expect(sans).toHaveAccessibleDescription(/DNS:db7\.internal \(the common name\) will be added/);
  await csr.sign('Rule Root', 'node');
  await expect(csr.result).toContainText(
    'Added DNS:db7.internal (the common name) to the subject alternative names: TLS clients match the SANs, not the CN.',
  );

  await app.goTo('Issue');
  await issue.fill({ ca: 'Rule Root', profile: 'node', cn: 'db8.internal', sans: '' });
  await expect(issue.form.getByLabel('Subject alternative names')).toHaveAccessibleDescription(
    /DNS:db8\.internal \(the common name\) will be added/,
  );
  await issue.form.getByRole('button', { name: 'Issue certificate' }).click();
  await expect(issue.result).toContainText(
    'Added DNS:db8.internal (the common name) to the subject alternative names: TLS clients match the SANs, not the CN.',
  );

  // A CN that is not a host name: both refuse a node certificate without SANs, with the same words.
  await issue.fill({ ca: 'Rule Root', profile: 'node', cn: 'Batch worker', sans: '' });
  await expect(issue.form.getByLabel('Subject alternative names')).toHaveAccessibleDescription(
    /A node certificate needs at least one DNS name or IP address that clients dial \(the common name "Batch worker" is not a host name\)/,
  );
  await app.goTo('Sign CSR');
  await csr.paste((await opensslMakeCsr({ cn: 'Batch worker' })).csrPem);
  await csr.form.getByLabel('Profile').selectOption('node');
  await expect(csr.form.getByLabel('Subject alternative names')).toHaveAccessibleDescription(
    /A node certificate needs at least one DNS name or IP address that clients dial \(the common name "Batch worker" is not a host name\)/,
  );
  await csr.form.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(csr.result).toHaveCount(0);
});
