/** README.txt lists the target's snippets in the page's order, for the bundle's own form (issue 12). */
import { describe, expect, it } from 'vitest';
import { readmeText } from './readme.ts';
import { layoutById } from './index.ts';
import type { Bundle, LayoutId, LayoutOptions } from './types.ts';
import { targetOfLayout } from '../targets/index.ts';
import { targetSnippets } from '../targets/snippets.ts';

const bundle: Bundle = {
  cluster: 'c',
  ca: { certPem: '' },
  nodes: [{ name: 'n1', dns: ['n1.example'], ips: [], certPem: '', keyPem: '', chainPem: '' }],
  clients: [{ name: 'app', commonName: 'app', certPem: '', keyPem: '', chainPem: '' }],
};

function readme(layoutId: LayoutId, options: LayoutOptions): string {
  const layout = layoutById(layoutId);
  return readmeText(bundle, layout, options, layout.plan(bundle, options), {
    plaintextKeys: true,
    encryptedKeys: false,
  });
}

/** The snippet ids listed under "Configuration snippets", in order. */
function listed(text: string): string[] {
  const start = text.split('\n').findIndex((l) => l.startsWith('Configuration snippets for '));
  const lines = text.split('\n').slice(start + 2);
  return lines.slice(0, lines.indexOf('')).map((l) => l.trim().split(/\s+/)[0] ?? '');
}

describe('README.txt: the snippets, target first', () => {
  const rows: { name: string; layout: LayoutId; options: LayoutOptions; has: string; lacks: string }[] = [
    {
      name: 'Cassandra PKCS#12',
      layout: 'cassandra',
      options: { cassandraFormat: 'pkcs12', storePassword: 'x' },
      has: 'cassandra-yaml-pkcs12',
      lacks: 'cassandra-yaml-pem',
    },
    {
      name: 'Cassandra PEM',
      layout: 'cassandra',
      options: {},
      has: 'cassandra-yaml-pem',
      lacks: 'cassandra-yaml-pkcs12',
    },
    {
      name: 'generic: its own list, no Node.js snippet',
      layout: 'generic',
      options: {},
      has: 'check-commands',
      lacks: 'node-tls-server',
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const text = readme(row.layout, row.options);
      const ids = listed(text);
      expect(ids).toEqual(targetSnippets(targetOfLayout(row.layout), row.options).map((s) => s.id));
      expect(ids).toContain(row.has);
      expect(ids).not.toContain(row.lacks);
      if (row.layout === 'generic') expect(text).not.toMatch(/Node/);
      if (row.options.cassandraFormat === 'pkcs12') expect(text).toContain('--cassandra-format pkcs12');
    });
});
