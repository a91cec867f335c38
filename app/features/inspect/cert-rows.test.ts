import { beforeAll, describe, expect, it } from 'vitest';
import { inspectReport, type InspectedItem } from '../../flows/inspect-report.ts';
import { createRootCa, issueLeaf } from '../../pki/index.ts';
import { certRows, filterRows, nextSort, sortRows, type CertRow, type Sort } from './cert-rows.ts';

const NOW = new Date(Date.UTC(2026, 5, 1));
let rows: CertRow[];
let items: InspectedItem[];

beforeAll(async () => {
  const made = await Promise.all([
    createRootCa({ subject: { commonName: 'Beta Root' }, notBefore: '2025-01-01T00:00:00Z', days: 3650 }),
    createRootCa({ subject: { commonName: 'alpha root' }, notBefore: '2020-01-01T00:00:00Z', days: 365 }),
    createRootCa({
      subject: { commonName: 'Gamma Root' },
      notBefore: '2030-01-01T00:00:00Z',
      days: 365,
      algorithm: 'rsa2048',
    }),
  ]);
  const [beta] = made;
  if (!beta) throw new Error('fixture');
  const leaf = await issueLeaf(
    {
      profile: 'server',
      commonName: 'node10',
      sans: 'DNS:node10.example',
      notBefore: '2025-06-01T00:00:00Z',
      days: 90,
    },
    beta,
  );
  const report = await inspectReport({
    inputs: [
      { name: 'all.pem', data: made.map((m) => m.certPem).join('') + leaf.certPem },
      { name: 'k.pem', data: leaf.keyPem },
    ],
  });
  items = report.items;
  rows = certRows(items, NOW);
});

const names = (r: readonly CertRow[]) => r.map((x) => x.name);

describe('certRows', () => {
  it('one row per certificate, in input order, with its status at the given time', () => {
    expect(items.some((i) => i.kind === 'private-key')).toBe(true);
    expect(rows.map((r) => [r.name, r.status, r.isCA])).toEqual([
      ['Beta Root', 'valid', true],
      ['alpha root', 'expired', true],
      ['Gamma Root', 'not-yet-valid', true],
      ['node10', 'expired', false],
    ]);
    expect(rows.map((r) => r.key)).toEqual(['ECDSA P-256', 'ECDSA P-256', 'RSA 2048', 'ECDSA P-256']);
  });
});

describe('filterRows', () => {
  const cases: { name: string; text: string; want: string[] }[] = [
    { name: 'empty: everything', text: '  ', want: ['Beta Root', 'alpha root', 'Gamma Root', 'node10'] },
    { name: 'case-insensitive subject', text: 'ALPHA', want: ['alpha root'] },
    { name: 'subject or issuer', text: 'root', want: ['Beta Root', 'alpha root', 'Gamma Root', 'node10'] },
    { name: 'issuer', text: 'cn=beta', want: ['Beta Root', 'node10'] },
    { name: 'status words', text: 'expired', want: ['alpha root', 'node10'] },
    { name: 'not yet valid', text: 'not yet valid', want: ['Gamma Root'] },
    { name: 'key', text: 'rsa', want: ['Gamma Root'] },
    { name: 'every word must match', text: 'node expired', want: ['node10'] },
    { name: 'nothing', text: 'zzz', want: [] },
  ];
  for (const c of cases) it(c.name, () => expect(names(filterRows(rows, c.text))).toEqual(c.want));
});

describe('sortRows', () => {
  const cases: { name: string; sort: Sort | undefined; want: string[] }[] = [
    { name: 'no sort: input order', sort: undefined, want: ['Beta Root', 'alpha root', 'Gamma Root', 'node10'] },
    {
      name: 'subject ascending, case-insensitive',
      sort: { key: 'name', direction: 'ascending' },
      want: ['alpha root', 'Beta Root', 'Gamma Root', 'node10'],
    },
    {
      name: 'not after descending',
      sort: { key: 'notAfter', direction: 'descending' },
      want: ['Beta Root', 'Gamma Root', 'node10', 'alpha root'],
    },
    {
      name: 'status ascending: what needs attention first, ties in input order',
      sort: { key: 'status', direction: 'ascending' },
      want: ['alpha root', 'node10', 'Gamma Root', 'Beta Root'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(names(sortRows(rows, c.sort))).toEqual(c.want));

  it('a header pressed twice sorts ascending, then descending; another column starts ascending', () => {
    const first = nextSort(undefined, 'issuer');
    expect(first).toEqual({ key: 'issuer', direction: 'ascending' });
    expect(nextSort(first, 'issuer')).toEqual({ key: 'issuer', direction: 'descending' });
    expect(nextSort(nextSort(first, 'issuer'), 'key')).toEqual({ key: 'key', direction: 'ascending' });
  });
});
