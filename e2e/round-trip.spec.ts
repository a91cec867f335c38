/**
 * Acceptance of issue 10: the same cluster made through `certbench bundle` and through the
 * browser's Cluster → Workspace → Export gives the same files and the same text people read: the
 * downloaded zip's README.txt and file list, the snippets on the page (Cluster result and Export),
 * and host names that are SAN values, never "DNS:db-1".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { test as base, expect } from './fixtures.ts';
import { ExportPage } from './pages/export-page.ts';
import { targetById } from '../app/targets/index.ts';
import { targetSnippets } from '../app/targets/snippets.ts';

const test = base.extend<{ exporter: ExportPage }>({
  exporter: async ({ page }, use) => {
    await use(new ExportPage(page));
  },
});

const CLI = join(import.meta.dirname, '..', 'app', 'cli', 'certbench.mjs');
const NODES = 'db-1 10.0.0.1 db-1.example fd00::1\ndb-2 10.0.0.2 db-2.example fd00::2';
const CLIENTS = ['app', 'cqlsh'];

function certbench(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The same cluster from the command line: a CA folder, the bundle and each of the target's snippets. */
function cliCluster(target: string): { files: string[]; readme: string; snippets: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-e2e-round-trip-'));
  writeFileSync(join(dir, 'nodes.txt'), `${NODES}\n`);
  certbench(['ca', 'create', '--out', join(dir, 'ca'), '--cn', 'prod CA']);
  const clients = CLIENTS.flatMap((c) => ['--clients', c]);
  certbench([
    'bundle',
    '--target',
    target,
    '--ca-dir',
    join(dir, 'ca'),
    '--nodes',
    join(dir, 'nodes.txt'),
    ...clients,
    '--cluster',
    'prod',
    '--out',
    join(dir, 'prod.zip'),
  ]);
  const entries = unzipSync(readFileSync(join(dir, 'prod.zip')));
  const { layout } = targetById(target);
  const snippets = targetSnippets(targetById(target)).map((s) =>
    certbench([
      'snippet',
      s.id,
      '--layout',
      layout,
      '--nodes',
      join(dir, 'nodes.txt'),
      ...clients,
      '--cluster',
      'prod',
    ]),
  );
  return { files: Object.keys(entries), readme: strFromU8(entries['README.txt'] ?? new Uint8Array()), snippets };
}

let cli: ReturnType<typeof cliCluster>;
test.beforeAll(() => {
  test.setTimeout(240_000); // a dozen CLI runs, each starting Node and tsx
  cli = cliCluster('scylla');
});

test('ScyllaDB cluster: certbench bundle and Cluster → Workspace → Export give the same files, README and snippets', async ({
  app,
  cluster,
  workspace,
  exporter,
}, info) => {
  await app.open();
  await cluster.create({ name: 'prod', nodes: NODES, clients: CLIENTS.join('\n'), target: 'ScyllaDB' });
  // The snippets are drawn a frame after the bundle's heading and button (use-after-first-frame.ts).
  await expect(cluster.result.locator('figure pre')).toHaveCount(cli.snippets.length);
  // textContent: off-screen snippets skip rendering (content-visibility), which empties innerText.
  const onClusterPage = await cluster.result.locator('figure pre').allTextContents();

  await app.goTo('Workspace');
  await expect(workspace.item('prod (scylla)')).toBeVisible();

  await app.goTo('Export');
  const download = await exporter.downloadBundle('prod (scylla)', 'scylla');
  const path = info.outputPath('prod-scylla.zip');
  await download.saveAs(path);
  const entries = unzipSync(readFileSync(path));
  const readme = strFromU8(entries['README.txt'] ?? new Uint8Array());
  const onExportPage = await exporter.shownSnippets();

  expect(Object.keys(entries)).toEqual(cli.files);
  expect(readme).toBe(cli.readme);
  expect(readme).toContain('-servername db-1 -verify_hostname db-1');
  expect(onExportPage.map((s) => s.heading)).toEqual(targetSnippets(targetById('scylla')).map((s) => s.label));
  expect(onExportPage.map((s) => s.code.trim())).toEqual(cli.snippets.map((s) => s.trim()));
  expect(onClusterPage.map((s) => s.trim())).toEqual(cli.snippets.map((s) => s.trim()));
  for (const text of [readme, ...onExportPage.map((s) => s.code)])
    expect(text.replace(/subjectAltName\s*=\s*\S+/g, '')).not.toMatch(/\b(?:DNS|IP):\S/);
});
