import { describe, expect, it } from 'vitest';
import { caNameClash, clientListClash, clusterNameClash, leafNameClash, nodeListClash } from './name-clashes.ts';
import { caOptionLabels, chosenCaLine, itemIdentity, serialPrefix } from '../../components/ca-identity.ts';
import type { WorkspaceItem } from '../../store/index.ts';

type Item = Pick<WorkspaceItem, 'id' | 'kind' | 'name' | 'createdAt' | 'meta' | 'parentId'>;

const at = '2026-12-05T10:02:33.123Z';
const items: Item[] = [
  { id: 'ca1', kind: 'ca', name: 'dup CA', createdAt: at, meta: { serial: '3f2a9c1e77aa01' } },
  { id: 'ca2', kind: 'ca', name: 'prod CA', createdAt: at, meta: {} },
  { id: 'b1', kind: 'bundle', name: 'prod (scylla)', createdAt: at, meta: { cluster: 'prod' }, parentId: 'ca2' },
  { id: 'n1', kind: 'certificate', name: 'alice', createdAt: at, meta: { profile: 'node' }, parentId: 'ca1' },
  { id: 'c1', kind: 'certificate', name: 'bob', createdAt: at, meta: { profile: 'client' }, parentId: 'ca1' },
];

describe('name clashes', () => {
  it('identity: created date (UTC, to the minute) and a serial prefix', () => {
    expect(itemIdentity(items[0]!)).toBe('created 2026-12-05 10:02 UTC, serial 3F2A9C1E…');
    expect(itemIdentity(items[1]!)).toBe('created 2026-12-05 10:02 UTC');
    expect(serialPrefix('0a:1b')).toBe('0A1B');
  });

  it('CA selects: repeated names carry their identity, unique ones stay short', () => {
    const twin = { ...items[0]!, id: 'ca3', createdAt: '2026-12-06T08:00:00.000Z', meta: { serial: '77' } };
    const labels = caOptionLabels([items[0]!, items[1]!, twin]);
    expect([...labels.values()]).toEqual([
      'dup CA (created 2026-12-05 10:02 UTC, serial 3F2A9C1E…)',
      'prod CA',
      'dup CA (created 2026-12-06 08:00 UTC, serial 77)',
    ]);
    expect(chosenCaLine({ ...twin, meta: { serial: '77', notAfter: '2036-12-06T08:00:00.000Z' } })).toBe(
      'Chosen: dup CA, created 2026-12-06 08:00 UTC, serial 77, expires 2036-12-06.',
    );
  });

  const rows: { name: string; got: () => unknown; want: RegExp | undefined; level?: 'error' | 'warning' }[] = [
    {
      name: 'CA: same name, other case',
      got: () => caNameClash(items, ' DUP ca '),
      want: /already has a CA named "DUP ca" \(created 2026-12-05 10:02 UTC, serial 3F2A9C1E…\)/,
      level: 'warning',
    },
    { name: 'CA: new name', got: () => caNameClash(items, 'other CA'), want: undefined },
    { name: 'CA: empty name is the required check, not a clash', got: () => caNameClash(items, '  '), want: undefined },
    {
      name: 'cluster: its CA exists',
      got: () => clusterNameClash(items, 'prod'),
      want: /a CA named "prod CA".*cluster called "prod"/,
      level: 'warning',
    },
    { name: 'cluster: dup is not "dup CA"', got: () => clusterNameClash(items, 'dup CA'), want: undefined },
    {
      name: 'nodes: a name on two lines',
      got: () => nodeListClash('db1 10.0.0.1\n# comment\nDB1 10.0.0.2'),
      want: /"DB1" on line 3 is already the node on line 1/,
      level: 'error',
    },
    { name: 'nodes: all different', got: () => nodeListClash('db1 10.0.0.1\ndb2 10.0.0.2'), want: undefined },
    {
      name: 'clients: a client named like a node',
      got: () => clientListClash('alice 10.0.0.1\nbob 10.0.0.2', ['app', 'Bob']),
      want: /"Bob" is already the node on line 2 of Nodes/,
      level: 'error',
    },
    { name: 'clients: no clash', got: () => clientListClash('alice 10.0.0.1', ['app']), want: undefined },
    {
      name: 'issue: client "alice" beside node "alice" under the same CA',
      got: () => leafNameClash(items, items[0], 'alice', 'client'),
      want: /"alice" is already a node certificate under "dup CA".*under "alice-2".*"alice-client"/,
      level: 'warning',
    },
    {
      name: 'issue: server "bob" beside client "bob"',
      got: () => leafNameClash(items, items[0], 'bob', 'server'),
      want: /already a client certificate/,
      level: 'warning',
    },
    {
      name: 'issue: node "alice" again (a renewal) is a warning',
      got: () => leafNameClash(items, items[0], 'Alice', 'node'),
      want: /already under "dup CA".*as a renewal does/,
      level: 'warning',
    },
    {
      name: 'issue: server "alice" (node and server share the nodes list)',
      got: () => leafNameClash(items, items[0], 'alice', 'server'),
      want: /as a renewal does/,
      level: 'warning',
    },
    {
      name: 'issue: same name under another CA',
      got: () => leafNameClash(items, items[1], 'alice', 'client'),
      want: undefined,
    },
    { name: 'issue: no CA chosen', got: () => leafNameClash(items, undefined, 'alice', 'client'), want: undefined },
  ];
  for (const row of rows)
    it(row.name, () => {
      const clash = row.got() as { level: string; message: string } | undefined;
      if (!row.want) return expect(clash).toBeUndefined();
      expect(clash?.message).toMatch(row.want);
      expect(clash?.level).toBe(row.level);
    });
});
