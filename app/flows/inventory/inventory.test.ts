/** The inventory model: natural order, expiry and lifecycle badges, dependants, tree, clusters, filters. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa } from '../../pki/ca.ts';
import { issueLeaf } from '../../pki/issue.ts';
import { leafFacts } from '../../pki/leaf-facts.ts';
import { emptyRevocationList, type RevocationList } from '../../pki/revocation-list.ts';
import { revokeCertificate } from '../../pki/revoke.ts';
import { naturalSort } from './natural-order.ts';
import { expiryOf, itemStatus } from './status.ts';
import { dependantsOf } from './dependants.ts';
import { clusterGroups, issuerTree, type TreeNode } from './tree.ts';
import { expiringSoon, inventoryRows } from './filter.ts';
import type { InventoryItem } from './types.ts';

const NOW = new Date(Date.UTC(2026, 11, 5, 12));
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

describe('naturalSort', () => {
  const rows = [
    {
      name: 'numbers inside names',
      input: ['node-1', 'node-10', 'node-100', 'node-11', 'node-2'],
      want: ['node-1', 'node-2', 'node-10', 'node-11', 'node-100'],
    },
    { name: 'case aside', input: ['Node-b', 'node-A'], want: ['node-A', 'Node-b'] },
    {
      name: 'IP-like names',
      input: ['10.0.0.10', '10.0.0.9', '10.0.1.1'],
      want: ['10.0.0.9', '10.0.0.10', '10.0.1.1'],
    },
    { name: 'ties keep input order', input: ['db', 'DB', 'Db'], want: ['db', 'DB', 'Db'] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(naturalSort(row.input, (s) => s)).toEqual(row.want);
    });
  }
});

describe('expiryOf', () => {
  const rows = [
    { name: 'already past', notAfter: inDays(-1), want: 'expired' },
    { name: 'exactly now', notAfter: inDays(0), want: 'expired' },
    { name: 'tomorrow', notAfter: inDays(1), want: 'soon' },
    { name: 'in 30 days', notAfter: inDays(30), want: 'soon' },
    { name: 'in 31 days', notAfter: inDays(31), want: 'fine' },
  ];
  for (const row of rows) {
    it(`${row.name}: ${row.want}`, () => {
      expect(expiryOf(row.notAfter, NOW).expiry).toBe(row.want);
    });
  }
});

// root ─ inter ─ node-1, node-2, node-10 ; root ─ client ; bundle "prod" = inter + node-1 + node-2
function item(
  id: string,
  name: string,
  patch: Partial<InventoryItem> & { meta?: InventoryItem['meta'] } = {},
): InventoryItem {
  return { id, kind: 'certificate', name, meta: { notAfter: inDays(365) }, ...patch };
}
const base: InventoryItem[] = [
  item('node10', 'node-10', {
    parentId: 'inter',
    meta: { notAfter: inDays(10), sans: [{ kind: 'ip', value: '10.0.0.10' }] },
  }),
  item('root', 'Root CA', { kind: 'ca' }),
  item('node2', 'node-2', { parentId: 'inter', meta: { notAfter: inDays(-3) } }),
  item('inter', 'Issuing CA', { kind: 'ca', parentId: 'root' }),
  item('node1', 'node-1', {
    parentId: 'inter',
    meta: { notAfter: inDays(200), sans: [{ kind: 'dns', value: 'db-1.prod.example' }], supersededBy: 'node1b' },
  }),
  item('node1b', 'node-1', {
    parentId: 'inter',
    meta: { notAfter: inDays(300), sans: [{ kind: 'dns', value: 'db-1.prod.example' }] },
  }),
  item('client', 'app', { parentId: 'root', meta: { notAfter: inDays(5), subject: 'CN=app' } }),
  item('key', 'stray key', { kind: 'key', meta: {} }),
  { id: 'prod', kind: 'bundle', name: 'prod.zip', meta: { cluster: 'prod', members: ['inter', 'node1', 'node2'] } },
];

describe('dependantsOf', () => {
  const rows = [
    {
      name: "a root: its intermediate, that one's leaves, its own leaf, and the bundle",
      id: 'root',
      want: ['client', 'inter', 'node1', 'node10', 'node1b', 'node2', 'prod'],
    },
    {
      name: 'an intermediate: its leaves and the bundle holding it',
      id: 'inter',
      want: ['node1', 'node10', 'node1b', 'node2', 'prod'],
    },
    { name: 'a leaf in a bundle: the bundle', id: 'node2', want: ['prod'] },
    { name: 'a leaf in no bundle: nothing', id: 'node10', want: [] },
    {
      name: 'a cycle of parents does not loop',
      id: 'x',
      items: [item('x', 'x', { parentId: 'y' }), item('y', 'y', { parentId: 'x' })],
      want: ['y'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(dependantsOf(row.id, row.items ?? base).sort()).toEqual(row.want);
    });
  }
});

describe('issuerTree and clusterGroups', () => {
  const names = new Map(base.map((i) => [i.id, i.name]));
  const show = (nodes: TreeNode[]): unknown[] =>
    nodes.map((n) => (n.children.length ? { [names.get(n.id) ?? n.id]: show(n.children) } : names.get(n.id)));

  it('roots first, each level in natural order, bundles left out', () => {
    expect(show(issuerTree(base))).toEqual([
      { 'Root CA': ['app', { 'Issuing CA': ['node-1', 'node-1', 'node-2', 'node-10'] }] },
      'stray key',
    ]);
  });

  it('an item whose CA is not in the workspace stands at the top', () => {
    expect(issuerTree([item('orphan', 'orphan', { parentId: 'gone' })])).toEqual([{ id: 'orphan', children: [] }]);
  });

  it("a bundle's members form its cluster's group", () => {
    expect(clusterGroups(base)).toEqual([{ cluster: 'prod', members: ['inter', 'node1', 'node2'] }]);
  });
});

describe('inventoryRows and expiringSoon', () => {
  const rows = [
    {
      name: 'everything, natural order',
      query: {},
      want: ['app', 'Issuing CA', 'node-1', 'node-1', 'node-2', 'node-10', 'prod.zip', 'Root CA', 'stray key'],
    },
    { name: 'text matches a SAN', query: { text: 'DB-1.prod' }, want: ['node-1', 'node-1'] },
    { name: 'every word must match', query: { text: 'node 10.0.0.10' }, want: ['node-10'] },
    { name: 'expired', query: { status: 'expired' as const }, want: ['node-2'] },
    { name: 'soon', query: { status: 'soon' as const }, want: ['app', 'node-10'] },
    { name: 'superseded', query: { status: 'superseded' as const }, want: ['node-1'] },
    {
      name: 'a renewal whose successor was deleted is current again',
      items: base.filter((i) => i.id !== 'node1b'),
      query: { status: 'superseded' as const },
      want: [],
    },
    { name: 'issued by the intermediate', query: { caId: 'inter' }, want: ['node-1', 'node-1', 'node-2', 'node-10'] },
    { name: 'issued below the root, soon', query: { caId: 'root', status: 'soon' as const }, want: ['app', 'node-10'] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(inventoryRows(row.items ?? base, { ...row.query, now: NOW }).map((r) => r.item.name)).toEqual(row.want);
    });
  }

  it('"expiring soon" lists the soonest first', () => {
    expect(expiringSoon(base, NOW).map((r) => [r.item.name, r.status.daysLeft])).toEqual([
      ['app', 5],
      ['node-10', 10],
    ]);
  });
});

describe('revoked badge from the CA revocation list', () => {
  let items: InventoryItem[];
  beforeAll(async () => {
    const ca = await createRootCa({ subject: { commonName: 'Inventory CA' } });
    const [a, b] = [
      await issueLeaf({ profile: 'client', commonName: 'a' }, ca),
      await issueLeaf({ profile: 'client', commonName: 'b' }, ca),
    ];
    const revocations: RevocationList = await revokeCertificate(
      emptyRevocationList(),
      a.certPem,
      ca.certPem,
      'keyCompromise',
    );
    items = [
      { id: 'ca', kind: 'ca', name: 'Inventory CA', meta: { revocations } },
      {
        id: 'a',
        kind: 'certificate',
        name: 'a',
        parentId: 'ca',
        meta: { serial: leafFacts(a.certPem).serial.toUpperCase(), notAfter: a.notAfter },
      },
      {
        id: 'b',
        kind: 'certificate',
        name: 'b',
        parentId: 'ca',
        meta: { serial: leafFacts(b.certPem).serial, notAfter: b.notAfter },
      },
    ];
  });

  it('the revoked certificate (serial in any case) is revoked, the other not', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(items.map((i) => itemStatus(i, byId, new Date()).revoked)).toEqual([false, true, false]);
    expect(inventoryRows(items, { status: 'revoked', now: new Date() }).map((r) => r.item.id)).toEqual(['a']);
  });
});
