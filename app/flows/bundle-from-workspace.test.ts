import { describe, expect, it } from 'vitest';
import { pemEncode, type SanEntry } from '../pki/index.ts';
import type { WorkspaceItem } from '../store/index.ts';
import { bundleFromWorkspace, commonNameOf } from './bundle-from-workspace.ts';
import { fullChain, pemBlocks } from './pem-blocks.ts';

/** A distinct fake certificate PEM per name (the conversion never parses certificates). */
const pem = (name: string) => pemEncode('CERTIFICATE', new TextEncoder().encode(`cert:${name}`));
const keyPem = (name: string) => pemEncode('PRIVATE KEY', new TextEncoder().encode(`key:${name}`));

const dns = (value: string): SanEntry => ({ kind: 'dns', value });
const ip = (value: string): SanEntry => ({ kind: 'ip', value });

let clock = 0;
function item(over: Partial<WorkspaceItem> & Pick<WorkspaceItem, 'id' | 'kind' | 'name'>): WorkspaceItem {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
  return { createdAt: at, updatedAt: at, pem: pem(over.name), meta: {}, ...over };
}

const root = item({ id: 'root', kind: 'ca', name: 'Root', keyPem: keyPem('root') });
const inter = item({
  id: 'int',
  kind: 'ca',
  name: 'Issuing',
  keyPem: keyPem('int'),
  parentId: 'root',
  chainPem: root.pem,
});
const n1 = item({
  id: 'n1',
  kind: 'certificate',
  name: 'Node 1',
  keyPem: keyPem('n1'),
  parentId: 'root',
  chainPem: root.pem,
  meta: { profile: 'node', sans: [dns('node1.db'), ip('10.0.0.1'), ip('fd00::1')] },
});
const n1dup = item({
  id: 'n1b',
  kind: 'certificate',
  name: 'node-1',
  keyPem: keyPem('n1b'),
  parentId: 'root',
  meta: { profile: 'node', sans: [dns('node1b')] },
});
const app = item({
  id: 'app',
  kind: 'certificate',
  name: 'app',
  keyPem: keyPem('app'),
  parentId: 'root',
  meta: { profile: 'client', subject: 'O=Acme,CN=app\\,prod' },
});
const nokey = item({ id: 'nk', kind: 'certificate', name: 'imported', parentId: 'root', meta: { profile: 'node' } });
const n2 = item({
  id: 'n2',
  kind: 'certificate',
  name: 'node2',
  keyPem: keyPem('n2'),
  parentId: 'int',
  chainPem: inter.pem + root.pem,
  meta: { profile: 'node', sans: [dns('node2')] },
});
const bundleItem = item({
  id: 'b',
  kind: 'bundle',
  name: 'prod',
  pem: '',
  meta: { layout: 'scylla', members: ['int', 'n2'] },
});
const all = Object.fromEntries([root, inter, n1, n1dup, app, nokey, n2, bundleItem].map((i) => [i.id, i]));

const rows: {
  name: string;
  input: WorkspaceItem;
  want: {
    nodes: [string, string[], string[], string][];
    clients: [string, string][];
    skipped: string[];
    caChain: string | undefined;
  };
}[] = [
  {
    name: 'a root CA bundles what it issued; names become folder-safe and unique; IPs split from DNS names; the root is left out of chains',
    input: root,
    want: {
      nodes: [
        ['node-1', ['node1.db'], ['10.0.0.1', 'fd00::1'], ''],
        ['node-1-2', ['node1b'], [], ''],
      ],
      clients: [['app', 'app,prod']],
      skipped: ['imported'],
      caChain: undefined,
    },
  },
  {
    name: 'a bundle item under an intermediate carries the intermediate in each chain and the root as CA chain',
    input: bundleItem,
    want: { nodes: [['node2', ['node2'], [], inter.pem]], clients: [], skipped: [], caChain: root.pem },
  },
];

describe('bundleFromWorkspace', () => {
  for (const row of rows) {
    it(row.name, () => {
      const got = bundleFromWorkspace(all, row.input);
      if (!got) throw new Error('no bundle');
      expect(got.bundle.nodes.map((n) => [n.name, n.dns, n.ips, n.chainPem])).toEqual(row.want.nodes);
      expect(got.bundle.clients.map((c) => [c.name, c.commonName])).toEqual(row.want.clients);
      expect(got.skipped).toEqual(row.want.skipped);
      expect(got.bundle.ca.chainPem).toBe(row.want.caChain);
      expect(got.bundle.nodes.every((n) => n.keyPem.includes('PRIVATE KEY'))).toBe(true);
    });
  }
  it('a node and a client of one name get two folders (bug: Export refused \'"alice" is used twice\')', () => {
    const ca = item({ id: 'ca', kind: 'ca', name: 'dup CA', keyPem: keyPem('ca') });
    const leaf = (id: string, profile: 'node' | 'client') =>
      item({ id, kind: 'certificate', name: 'alice', keyPem: keyPem(id), parentId: 'ca', meta: { profile } });
    const items = Object.fromEntries([ca, leaf('na', 'node'), leaf('ca1', 'client')].map((i) => [i.id, i]));
    const got = bundleFromWorkspace(items, ca);
    expect(got?.bundle.nodes.map((n) => n.name)).toEqual(['alice']);
    expect(got?.bundle.clients.map((c) => [c.name, c.commonName])).toEqual([['alice-2', 'alice']]);
  });

  it('under the key lock, sealed members are counted as the nodes and clients they are, not as missing keys', () => {
    const ca = item({ id: 'ca', kind: 'ca', name: 'locked CA', keyPem: keyPem('ca') });
    const sealedLeaf = (id: string, profile: 'node' | 'client') =>
      item({ id, kind: 'certificate', name: id, keyLocked: true, parentId: 'ca', meta: { profile } });
    const items = Object.fromEntries(
      [ca, sealedLeaf('db-1', 'node'), sealedLeaf('db-2', 'node'), sealedLeaf('app', 'client')].map((i) => [i.id, i]),
    );
    const got = bundleFromWorkspace(items, ca);
    expect(got?.bundle.nodes).toEqual([]);
    expect(got?.skipped).toEqual(['db-1', 'db-2', 'app']);
    expect(got?.locked).toEqual({ nodes: 2, clients: 1 });
    expect(bundleFromWorkspace(all, root)?.locked).toEqual({ nodes: 0, clients: 0 });
  });

  it('a bundle without a CA member gives nothing', () => {
    expect(
      bundleFromWorkspace(all, item({ id: 'x', kind: 'bundle', name: 'x', meta: { members: ['n1'] } })),
    ).toBeUndefined();
  });
});

describe('small helpers', () => {
  const cn: { input: string | undefined; want: string | undefined }[] = [
    { input: 'CN=node1,O=Acme', want: 'node1' },
    { input: 'O=Acme,CN=a\\,b', want: 'a,b' },
    { input: 'O=Acme', want: undefined },
    { input: undefined, want: undefined },
  ];
  for (const row of cn) it(`commonNameOf ${String(row.input)}`, () => expect(commonNameOf(row.input)).toBe(row.want));

  it('fullChain drops a repeated certificate', () => {
    expect(pemBlocks(fullChain(n2.pem, n2.pem + inter.pem))).toEqual([n2.pem, inter.pem]);
  });
});
