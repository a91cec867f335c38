import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../layouts/index.ts';
import { LAYOUT_IDS } from '../layouts/layout-ids.ts';
import { isTargetId, TARGETS, targetById } from './index.ts';
import { layoutSnippets, targetSnippets } from './snippets.ts';

describe('target registry', () => {
  it('lists the systems in the order the Cluster view offers them', () => {
    expect(TARGETS.map((t) => [t.id, t.label, t.layout])).toEqual([
      ['scylla', 'ScyllaDB', 'scylla'],
      ['cassandra', 'Cassandra', 'cassandra'],
      ['casty', 'casty', 'casty'],
      ['haystack', 'haystack', 'haystack'],
      ['crank', 'crank', 'crank'],
      ['node', 'Node.js', 'generic'],
      ['kubernetes', 'Kubernetes', 'kubernetes'],
      ['generic', 'generic', 'generic'],
    ]);
  });

  it('the light id list of layouts is the registry of layouts, in order', () => {
    expect(LAYOUTS.map((l) => l.id)).toEqual([...LAYOUT_IDS]);
  });

  const rows: { name: string; input: string; want: string[] }[] = [
    {
      name: 'Node.js: its four snippets in its order',
      input: 'node',
      want: ['node-tls-server', 'node-tls-client', 'node-https-request', 'node-fetch-undici'],
    },
    {
      name: 'ScyllaDB: the snippets made for its layout, then those for any',
      input: 'scylla',
      want: layoutSnippets('scylla').map((s) => s.id),
    },
  ];
  for (const row of rows)
    it(row.name, () => expect(targetSnippets(targetById(row.input)).map((s) => s.id)).toEqual(row.want));

  it('every target has a one-line description and at least one snippet', () => {
    for (const t of TARGETS) {
      expect(t.description, t.id).toMatch(/^[^\n]{10,120}$/);
      expect(targetSnippets(t).length, t.id).toBeGreaterThan(0);
    }
  });

  it('ScyllaDB snippets include scylla.yaml', () =>
    expect(layoutSnippets('scylla').map((s) => s.filename)).toContain('scylla.yaml'));

  const ids: { input: string; want: boolean }[] = [
    { input: 'node', want: true },
    { input: 'nginx', want: false },
    { input: '', want: false },
  ];
  for (const row of ids)
    it(`isTargetId(${JSON.stringify(row.input)})`, () => expect(isTargetId(row.input)).toBe(row.want));

  it('an unknown target is refused naming the known ones', () => {
    expect(() => targetById('nginx')).toThrow(/Unknown target "nginx"; choose one of scylla, cassandra/);
  });
});
