/**
 * The cluster flow's checks hold in both adapters before a key is made: the worker operation the
 * Cluster view runs (setUpCluster, with a WebCrypto that counts generated keys) and the CLI's
 * `certbench bundle` (run in-process with a CA folder that does not exist: a refusal about the
 * plan, not the folder, comes before the CA is read, and keys are made only after that).
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { command as bundleCommand } from '../cli/commands/bundle.ts';
import { setUpCluster } from '../worker/cluster-setup.ts';
import type { ClusterArgs } from '../worker/pki-contract.ts';
import type { OpContext } from '../worker/protocol.ts';
import { checkClusterPlan } from './cluster.ts';
import { countingCrypto } from '../test/counting-crypto.ts';

const ctx: OpContext = { signal: new AbortController().signal, progress: () => undefined };
const browser = (over: Partial<ClusterArgs>): ClusterArgs => ({
  cluster: 'prod',
  nodes: 'db-1 10.0.0.1',
  clients: ['app'],
  target: 'scylla',
  keyAlgorithm: 'p256',
  caDays: 3650,
  leafDays: 90,
  ...over,
});

const refusals: {
  name: string;
  input: { browser: Partial<ClusterArgs>; cli: string[] };
  wantError: { browserField: string; cliField: string; message: RegExp };
}[] = [
  {
    name: 'Cassandra with Ed25519 keys',
    input: {
      browser: { target: 'cassandra', keyAlgorithm: 'ed25519' },
      cli: ['--target', 'cassandra', '--alg', 'ed25519', '--nodes', '@nodes'],
    },
    wantError: {
      browserField: 'keyAlgorithm',
      cliField: 'alg',
      message: /Cassandra's PEMBasedSslContextFactory reads RSA and EC keys only/,
    },
  },
  {
    name: 'a client named like a node',
    input: { browser: { clients: ['DB-1'] }, cli: ['--target', 'scylla', '--nodes', '@nodes', '--clients', 'DB-1'] },
    wantError: {
      browserField: 'clients',
      cliField: 'clients',
      message: /"DB-1" is already the name of a node on line 1/,
    },
  },
  {
    name: 'a client named twice (case aside)',
    input: {
      browser: { clients: ['app', 'APP'] },
      cli: ['--target', 'generic', '--nodes', '@nodes', '--clients', 'app', '--clients', 'APP'],
    },
    wantError: { browserField: 'clients', cliField: 'clients', message: /"APP" is already the name of a client:/ },
  },
  {
    name: 'a client name with a slash',
    input: { browser: { clients: ['a/b'] }, cli: ['--target', 'generic', '--clients', 'a/b'] },
    wantError: { browserField: 'clients', cliField: 'clients', message: /"a\/b" is not a usable client name/ },
  },
  {
    // Clients were issued on the general path, which refused this CN only after the CA was made.
    name: 'a client name longer than a common name may be (64)',
    input: {
      browser: { clients: ['c'.repeat(65)] },
      cli: ['--target', 'generic', '--clients', 'c'.repeat(65)],
    },
    wantError: { browserField: 'clients', cliField: 'clients', message: /limited to 64 characters, got 65/ },
  },
  {
    name: 'a node line with a bad SAN',
    input: { browser: { nodes: 'db-1 10.0.0.300' }, cli: ['--target', 'generic', '--nodes', '@bad-nodes'] },
    wantError: { browserField: 'nodes', cliField: 'nodes', message: /10\.0\.0\.300/ },
  },
];

describe('cluster checks before any key, in the browser and in the CLI', () => {
  for (const row of refusals) {
    it(`browser refuses ${row.name} without making a key`, async () => {
      const { crypto, keys } = countingCrypto();
      await expect(setUpCluster(browser(row.input.browser), ctx, crypto)).rejects.toMatchObject({
        field: row.wantError.browserField,
        message: expect.stringMatching(row.wantError.message) as unknown,
      });
      expect(keys()).toBe(0);
    });

    it(`CLI refuses ${row.name} before it reads the CA folder`, async () => {
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const dir = mkdtempSync(join(tmpdir(), 'certbench-flow-'));
      writeFileSync(join(dir, 'nodes.txt'), 'db-1 10.0.0.1\n');
      writeFileSync(join(dir, 'bad-nodes.txt'), 'db-1 10.0.0.300\n');
      const args = row.input.cli.map((a) => (a.startsWith('@') ? join(dir, `${a.slice(1)}.txt`) : a));
      const run = bundleCommand.run(['--ca-dir', join(dir, 'no-such-ca'), '--out', join(dir, 'out.zip'), ...args]);
      await expect(run).rejects.toMatchObject({
        field: row.wantError.cliField,
        message: expect.stringMatching(row.wantError.message) as unknown,
      });
    });
  }

  it('control: the same counting crypto sees the keys of a cluster that passes (at least one each for the CA, the node and the client)', async () => {
    const { crypto, keys } = countingCrypto();
    const made = await setUpCluster(browser({ target: 'cassandra', keyAlgorithm: 'p256' }), ctx, crypto);
    expect(made.nodes).toHaveLength(1);
    expect(keys()).toBeGreaterThanOrEqual(3);
  });

  it('control: the CLI reads the CA folder when the plan is fine (so the refusals above came first)', async () => {
    await expect(
      bundleCommand.run([
        '--ca-dir',
        join(tmpdir(), 'certbench-no-such-ca'),
        '--out',
        join(tmpdir(), 'x.zip'),
        '--target',
        'generic',
        '--clients',
        'app',
      ]),
    ).rejects.toMatchObject({ field: 'ca-dir' });
  });

  const counts: {
    name: string;
    input: Parameters<typeof checkClusterPlan>[0];
    want: { nodes: number; clients: number };
  }[] = [
    {
      name: 'nodes and clients',
      input: {
        cluster: 'c',
        nodes: 'a\nb 10.0.0.2',
        clients: ['app'],
        layout: 'generic',
        algorithm: 'p256',
        leafDays: 30,
      },
      want: { nodes: 2, clients: 1 },
    },
    {
      name: 'clients only (the CLI without --nodes)',
      input: { cluster: 'c', clients: ['app'], layout: 'casty', algorithm: 'ed25519', leafDays: 30 },
      want: { nodes: 0, clients: 1 },
    },
    {
      name: 'Cassandra clients only with Ed25519 (only nodes are read by PEMBasedSslContextFactory)',
      input: { cluster: 'c', clients: ['cqlsh'], layout: 'cassandra', algorithm: 'ed25519', leafDays: 30 },
      want: { nodes: 0, clients: 1 },
    },
  ];
  for (const row of counts)
    it(`a plan that passes: ${row.name}`, () => expect(checkClusterPlan(row.input)).toEqual(row.want));
});
