import { describe, expect, it } from 'vitest';
import { migrateItem, SCHEMA_VERSION } from './migrate.ts';

const v1 = {
  id: 'a1', kind: 'certificate', name: 'node1', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z',
  pem: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n', keyPem: 'K', parentId: 'ca1',
  meta: { subject: 'CN=node1', sans: ['node1', 'IP:10.0.0.1'] },
};

const rows: { name: string; input: { value: unknown; version: number }; want: unknown }[] = [
  { name: 'current item passes unchanged', input: { value: v1, version: SCHEMA_VERSION }, want: v1 },
  {
    name: 'v0 epoch date and top-level facts move to v1 ISO dates and meta',
    input: { value: { id: 'b', kind: 'ca', name: 'root', created: Date.UTC(2025, 0, 1), subject: 'CN=root', notAfter: '2035-01-01T00:00:00.000Z', pem: 'P' }, version: 0 },
    want: { id: 'b', kind: 'ca', name: 'root', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', pem: 'P', meta: { subject: 'CN=root', notAfter: '2035-01-01T00:00:00.000Z' } },
  },
  { name: 'unknown kind is refused', input: { value: { ...v1, kind: 'teapot' }, version: SCHEMA_VERSION }, want: undefined },
  { name: 'missing id is refused', input: { value: { ...v1, id: 7 }, version: SCHEMA_VERSION }, want: undefined },
  { name: 'unparseable date is refused', input: { value: { ...v1, createdAt: 'yesterday' }, version: SCHEMA_VERSION }, want: undefined },
  { name: 'a record from a newer schema is left alone', input: { value: v1, version: SCHEMA_VERSION + 1 }, want: undefined },
  { name: 'not an object', input: { value: 'hello', version: SCHEMA_VERSION }, want: undefined },
  {
    name: 'junk in meta is dropped, lists keep only strings',
    input: { value: { ...v1, meta: { subject: 5, sans: ['a', 3, null], evil: { x: 1 } } }, version: SCHEMA_VERSION },
    want: { ...v1, meta: { sans: ['a'] } },
  },
];

describe('migrateItem', () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(migrateItem(row.input.value, row.input.version)).toEqual(row.want);
    });
  }
});
