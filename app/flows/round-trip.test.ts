/**
 * Acceptance (issue 10): the same cluster made through the CLI's `certbench bundle` and through
 * the browser's Cluster → Workspace → Export gives the same file list and the same non-secret text:
 * README.txt, the snippets (`certbench snippet` for each of the target's snippets against the
 * snippets Export shows), and the hosts. Both sides run their production adapters: the CLI commands
 * in-process, the worker operations, the store and the Export flow. The CLI signs with the CA the
 * browser made (written as a CA folder), so only keys, serials and signatures may differ.
 */
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as bundleCommand } from '../cli/commands/bundle.ts';
import { command as snippetCommand } from '../cli/commands/snippet.ts';
import { saveCluster } from '../features/cluster/save-cluster.ts';
import { createAppStore } from '../store/create-store.ts';
import { memoryRecordStore } from '../store/record-store.ts';
import { targetById, type TargetId } from '../targets/index.ts';
import { targetSnippets } from '../targets/snippets.ts';
import { OPS } from '../worker/ops.ts';
import { decodeClusterWire } from '../worker/cluster-wire.ts';
import type { OpContext } from '../worker/protocol.ts';
import { bundleFromWorkspace } from './bundle-from-workspace.ts';
import { renderSnippets } from './bundle-snippets.ts';

const NODES = 'db-1 10.0.0.1 db-1.example fd00::1\ndb-2 10.0.0.2 db-2.example fd00::2\n';
const CLIENTS = ['app', 'cqlsh'];
const ctx: OpContext = { signal: new AbortController().signal, progress: () => undefined };

afterEach(() => vi.restoreAllMocks());

/** Run a CLI command in-process and return what it printed. */
async function cli(run: (argv: string[]) => Promise<number>, argv: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const status = await run(argv);
  vi.restoreAllMocks();
  expect(status).toBe(0);
  return out;
}

interface Side {
  files: string[];
  readme: string;
  snippets: Record<string, string>;
}

function unzipped(zip: Uint8Array): { files: string[]; readme: string } {
  const entries = unzipSync(zip);
  return { files: Object.keys(entries), readme: strFromU8(entries['README.txt'] ?? new Uint8Array()) };
}

/** Cluster view → workspace → Export → Bundles, as the views call the worker and the store. */
async function browserSide(
  target: TargetId,
): Promise<Side & { hosts: [string, string[], string[]][]; caCertPem: string; caKeyPem: string }> {
  const made = decodeClusterWire(
    await OPS.setUpCluster(
      { cluster: 'prod', nodes: NODES, clients: CLIENTS, target, keyAlgorithm: 'p256', caDays: 3650, leafDays: 90 },
      ctx,
    ),
  );
  const app = createAppStore({ records: memoryRecordStore(), channelName: `round-trip-${process.pid}-${target}` });
  await app.hydration;
  saveCluster(app.store.getState(), 'prod', target, made);
  const items = app.store.getState().items;
  const bundleItem = Object.values(items).find((i) => i.kind === 'bundle');
  if (!bundleItem?.meta.layout) throw new Error('the cluster saved no bundle item');
  const built = bundleFromWorkspace(items, bundleItem);
  if (!built) throw new Error('Export found no bundle');
  const layout = bundleItem.meta.layout;
  const zip = await OPS.exportBundle({ bundle: built.bundle, layout });
  const shown = renderSnippets(built.bundle, layout, targetSnippets(targetById(target)));
  app.dispose();
  return {
    ...unzipped(zip.zip),
    snippets: Object.fromEntries(shown.map((s) => [s.snippet.id, s.code ?? s.problem ?? ''])),
    hosts: built.bundle.nodes.map((n) => [n.name, n.dns, n.ips]),
    caCertPem: made.ca.certPem,
    caKeyPem: made.ca.keyPem ?? '',
  };
}

/** `certbench bundle` and `certbench snippet` with the same nodes, clients and CA. */
async function cliSide(target: TargetId, ca: { certPem: string; keyPem: string }): Promise<Side> {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-round-trip-'));
  writeFileSync(join(dir, 'ca.crt'), ca.certPem);
  writeFileSync(join(dir, 'ca.key'), ca.keyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'nodes.txt'), NODES);
  const out = join(dir, 'prod.zip');
  const clients = CLIENTS.flatMap((c) => ['--clients', c]);
  await cli(
    (argv) => bundleCommand.run(argv),
    [
      '--target',
      target,
      '--ca-dir',
      dir,
      '--nodes',
      join(dir, 'nodes.txt'),
      ...clients,
      '--cluster',
      'prod',
      '--days',
      '90',
      '--out',
      out,
    ],
  );
  const { layout } = targetById(target);
  const snippets: Record<string, string> = {};
  for (const s of targetSnippets(targetById(target))) {
    snippets[s.id] = await cli(
      (argv) => snippetCommand.run(argv),
      [s.id, '--layout', layout, '--nodes', join(dir, 'nodes.txt'), ...clients, '--cluster', 'prod'],
    );
  }
  return { ...unzipped(readFileSync(out)), snippets };
}

const rows: { name: string; input: TargetId; want: { files?: number } }[] = [
  {
    name: 'ScyllaDB: ca.pem, three files per node and per client, README.txt',
    input: 'scylla',
    want: { files: 1 + 2 * 3 + 2 * 3 + 1 },
  },
  { name: 'Node.js (generic layout, its own snippets)', input: 'node', want: {} },
  { name: 'Cassandra', input: 'cassandra', want: {} },
];

describe('round trip: certbench bundle and Cluster → Workspace → Export make the same bundle', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const browser = await browserSide(row.input);
      const cliMade = await cliSide(row.input, { certPem: browser.caCertPem, keyPem: browser.caKeyPem });
      expect(browser.files).toEqual(cliMade.files);
      if (row.want.files !== undefined) expect(browser.files).toHaveLength(row.want.files);
      expect(browser.readme).toEqual(cliMade.readme);
      expect(Object.keys(browser.snippets)).toEqual(targetSnippets(targetById(row.input)).map((s) => s.id));
      expect(browser.snippets).toEqual(cliMade.snippets);
      // Hosts as the certificates carry them: the CN first, DNS and IPv4/IPv6 SANs in the order typed.
      expect(browser.hosts).toEqual([
        ['db-1', ['db-1', 'db-1.example'], ['10.0.0.1', 'fd00::1']],
        ['db-2', ['db-2', 'db-2.example'], ['10.0.0.2', 'fd00::2']],
      ]);
      const text = [browser.readme, ...Object.values(browser.snippets)].join('\n');
      expect(text).toContain('-verify_hostname db-1');
      expect(text.replace(/subjectAltName\s*=\s*\S+/g, '')).not.toMatch(/\b(?:DNS|IP):\S/);
    });
  }
});
