import { describe, expect, it } from 'vitest';
import { snippetById } from '../snippets/index.ts';
import type { BundleOutline, LayoutId } from '../layouts/types.ts';
import { renderSnippets } from './bundle-snippets.ts';

const outline: BundleOutline = {
  cluster: 'c',
  nodes: [{ name: 'n1', dns: ['n1.db'], ips: [] }],
  clients: [{ name: 'app', commonName: 'Smith, John' }],
};

/** Which snippets carry a caution for the UI, per layout (the snippet text says the same); crank's and cqlsh's are always there. */
const rows: { name: string; layout: LayoutId; want: string[] }[] = [
  {
    name: 'scylla: names by reverse DNS (acsylla), a CN cut at a comma (authenticator)',
    layout: 'scylla',
    want: ['scylla-certificate-authenticator', 'python-acsylla', 'crank-cert-dir', 'cqlshrc'],
  },
  {
    name: 'crank: crank itself does not require client certificates',
    layout: 'crank',
    want: ['python-acsylla', 'crank-cert-dir', 'docker-compose', 'scylla-certificate-authenticator', 'cqlshrc'],
  },
  {
    name: 'cassandra: keys handed to the image user uid 999',
    layout: 'cassandra',
    want: ['python-acsylla', 'docker-compose', 'crank-cert-dir', 'scylla-certificate-authenticator', 'cqlshrc'],
  },
];

/** The snippets these rows are about (the registry holds more, with cautions of their own). */
const SNIPPETS = [
  'node-tls-server',
  'scylla-yaml',
  'scylla-certificate-authenticator',
  'cqlshrc',
  'python-coodie-sync',
  'python-acsylla',
  'python-haystack',
  'uvicorn',
  'crank-cert-dir',
  'docker-compose',
].map(snippetById);

describe("renderSnippets passes each snippet's caution to the UI", () => {
  for (const row of rows) {
    it(row.name, () => {
      const rendered = renderSnippets(outline, row.layout, SNIPPETS);
      expect(
        rendered
          .filter((r) => r.caution)
          .map((r) => r.snippet.id)
          .sort(),
      ).toEqual([...row.want].sort());
    });
  }
});
