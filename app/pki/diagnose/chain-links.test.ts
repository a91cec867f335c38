import { beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from '@peculiar/x509';
import { createIntermediateCa, createRootCa } from '../ca.ts';
import { issueLeaf } from '../issue.ts';
import { chainLinks, type ChainLink } from './chain-links.ts';

let leaf: X509Certificate;
let inter: X509Certificate;
let root: X509Certificate;
beforeAll(async () => {
  const r = await createRootCa({ subject: { commonName: 'Links Root' } });
  const i = await createIntermediateCa({ subject: { commonName: 'Links Issuing CA' } }, r);
  const l = await issueLeaf({ profile: 'server', commonName: 'node1', sans: 'DNS:node1.example' }, i);
  [leaf, inter, root] = [l.certPem, i.certPem, r.certPem].map((p) => new X509Certificate(p)) as [
    X509Certificate,
    X509Certificate,
    X509Certificate,
  ];
});

/** "sig+ names+ validity+ ca+" per link: which checks pass, in order. */
function marks(links: ChainLink[]): string[] {
  return links.map((l) => `${l.role}: ${l.checks.map((c) => `${c.name}${c.ok ? '+' : '-'}`).join(' ')}`);
}

const rows: { name: string; path: () => X509Certificate[]; at: Date; want: string[]; says?: RegExp }[] = [
  {
    name: 'a whole chain today: every link holds, the root is judged on its validity',
    path: () => [leaf, inter, root],
    at: new Date(),
    want: ['leaf: signature+ names+ validity+ ca+', 'intermediate: signature+ names+ validity+ ca+', 'root: validity+'],
  },
  {
    name: 'out of order and a century on: every check fails and says why',
    path: () => [leaf, root, leaf],
    at: new Date(Date.UTC(2126, 0, 1)),
    want: [
      'leaf: signature- names- validity- ca+',
      'intermediate: signature- names- validity- ca-',
      'intermediate: validity-',
    ],
    says: /expired on \d{4}-\d\d-\d\d/,
  },
  {
    name: 'before the certificates were made: not valid yet',
    path: () => [leaf, inter],
    at: new Date(Date.UTC(2000, 0, 1)),
    want: ['leaf: signature+ names+ validity- ca+', 'intermediate: validity-'],
    says: /not valid until \d{4}-\d\d-\d\d/,
  },
];

describe('chainLinks', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const links = await chainLinks(row.path(), row.at, crypto);
      expect(marks(links)).toEqual(row.want);
      const texts = links.flatMap((l) => l.checks.map((c) => c.text));
      if (row.says) expect(texts.join('\n')).toMatch(row.says);
      // The page shows these words: no command-line flag among them (issue 12).
      expect(texts.filter((t) => /(^|[^\w-])--[a-z]/i.test(t))).toEqual([]);
    });
  }
});
