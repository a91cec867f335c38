import { describe, expect, it } from 'vitest';
import { layoutById } from '../../layouts/index.ts';
import type { LayoutId, LayoutOptions } from '../../layouts/types.ts';
import { plaintextKeysExpected } from './plaintext-keys.ts';

const rows: { name: string; input: { layout: LayoutId; options: LayoutOptions }; want: boolean }[] = [
  { name: 'generic without a passphrase', input: { layout: 'generic', options: {} }, want: true },
  { name: 'generic with a passphrase', input: { layout: 'generic', options: { keyPassphrase: 'p' } }, want: false },
  {
    name: 'haystack with a passphrase (TLSConfig key_password)',
    input: { layout: 'haystack', options: { keyPassphrase: 'p' } },
    want: false,
  },
  {
    name: 'scylla reads no encrypted keys, passphrase or not',
    input: { layout: 'scylla', options: { keyPassphrase: 'p' } },
    want: true,
  },
  {
    name: 'kubernetes Secrets hold plaintext keys',
    input: { layout: 'kubernetes', options: { keyPassphrase: 'p' } },
    want: true,
  },
  {
    name: 'cassandra PKCS#12 keeps keys in keystores',
    input: { layout: 'cassandra', options: { cassandraFormat: 'pkcs12', storePassword: 's' } },
    want: false,
  },
  {
    name: 'cassandra PEM key-and-chain files are plaintext',
    input: { layout: 'cassandra', options: { cassandraFormat: 'pem' } },
    want: true,
  },
  {
    name: 'crank gives out certificates only (bug: it asked to accept plaintext keys the zip no longer holds)',
    input: { layout: 'crank', options: {} },
    want: false,
  },
];

describe('plaintextKeysExpected', () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(plaintextKeysExpected(layoutById(row.input.layout), row.input.options)).toBe(row.want);
    });
  }
});
