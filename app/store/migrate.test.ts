import { describe, expect, it } from 'vitest';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';

const current = {
  id: 'a1',
  kind: 'certificate',
  name: 'node1',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
  pem: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n',
  keyPem: 'K',
  parentId: 'ca1',
  meta: {
    subject: 'CN=node1',
    sans: [
      { kind: 'dns', value: 'node1' },
      { kind: 'ip', value: '10.0.0.1' },
    ],
  },
};
/** The same item as v1 wrote it, with its SANs as text. */
const v1 = (sans: unknown[]) => ({ ...current, meta: { ...current.meta, sans } });
const typed = (...sans: [string, string][]) => ({
  ...current,
  meta: { ...current.meta, sans: sans.map(([kind, value]) => ({ kind, value })) },
});

const rows: { name: string; input: { value: unknown; version: number }; want: unknown }[] = [
  { name: 'current item passes unchanged', input: { value: current, version: SCHEMA_VERSION }, want: current },
  {
    name: 'v0 epoch date and top-level facts move to v1 ISO dates and meta',
    input: {
      value: {
        id: 'b',
        kind: 'ca',
        name: 'root',
        created: Date.UTC(2025, 0, 1),
        subject: 'CN=root',
        notAfter: '2035-01-01T00:00:00.000Z',
        pem: 'P',
      },
      version: 0,
    },
    want: {
      id: 'b',
      kind: 'ca',
      name: 'root',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      pem: 'P',
      meta: { subject: 'CN=root', notAfter: '2035-01-01T00:00:00.000Z' },
    },
  },
  {
    name: 'unknown kind is refused',
    input: { value: { ...current, kind: 'teapot' }, version: SCHEMA_VERSION },
    want: undefined,
  },
  { name: 'missing id is refused', input: { value: { ...current, id: 7 }, version: SCHEMA_VERSION }, want: undefined },
  {
    name: 'unparseable date is refused',
    input: { value: { ...current, createdAt: 'yesterday' }, version: SCHEMA_VERSION },
    want: undefined,
  },
  {
    name: 'a record from a newer schema is left alone',
    input: { value: current, version: SCHEMA_VERSION + 1 },
    want: undefined,
  },
  { name: 'not an object', input: { value: 'hello', version: SCHEMA_VERSION }, want: undefined },
  {
    name: 'junk in meta is dropped, member lists keep only strings',
    input: {
      value: { ...current, meta: { subject: 5, members: ['a', 3, null], evil: { x: 1 } } },
      version: SCHEMA_VERSION,
    },
    want: { ...current, meta: { members: ['a'] } },
  },
  {
    name: 'junk in a current SAN list is dropped, entries keep only kind and value',
    input: {
      value: {
        ...current,
        meta: { sans: [{ kind: 'dns', value: 'a', x: 1 }, { kind: 'dirname', value: 'CN=x' }, 'DNS:b', null] },
      },
      version: SCHEMA_VERSION,
    },
    want: { ...current, meta: { sans: [{ kind: 'dns', value: 'a' }] } },
  },
  {
    name: 'v1 SANs written by issuing ("DNS:x", "IP:y") become typed entries',
    input: {
      value: v1(['DNS:db-1', 'IP:10.0.0.1', 'IP:fd00::1', 'email:ops@example.com', 'URI:spiffe://prod/db']),
      version: 1,
    },
    want: typed(
      ['dns', 'db-1'],
      ['ip', '10.0.0.1'],
      ['ip', 'fd00::1'],
      ['email', 'ops@example.com'],
      ['uri', 'spiffe://prod/db'],
    ),
  },
  {
    name: 'v1 SANs saved from Inspect (bare values) become typed entries, their kind detected',
    input: { value: v1(['db-1.example', '10.0.0.1', 'fd00::1', 'ops@example.com', 'spiffe://prod/db']), version: 1 },
    want: typed(
      ['dns', 'db-1.example'],
      ['ip', '10.0.0.1'],
      ['ip', 'fd00::1'],
      ['email', 'ops@example.com'],
      ['uri', 'spiffe://prod/db'],
    ),
  },
  {
    name: 'v1 SAN text with no SAN kind (a directory name from Inspect, a number) is dropped; the PEM still holds it',
    input: { value: v1(['CN=x,O=y', 'db-1', 7]), version: 1 },
    want: typed(['dns', 'db-1']),
  },
  {
    name: 'a v0 item is brought through v1 to the current shape',
    input: {
      value: {
        id: 'c',
        kind: 'certificate',
        name: 'n',
        created: Date.UTC(2025, 0, 1),
        pem: 'P',
        meta: { sans: ['DNS:n1', '10.0.0.2'] },
      },
      version: 0,
    },
    want: {
      id: 'c',
      kind: 'certificate',
      name: 'n',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      pem: 'P',
      meta: {
        sans: [
          { kind: 'dns', value: 'n1' },
          { kind: 'ip', value: '10.0.0.2' },
        ],
      },
    },
  },
];

describe('migrateItem', () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(migrateItem(row.input.value, row.input.version)).toEqual(row.want);
    });
  }
});
