import { describe, expect, it } from 'vitest';
import { layoutById } from '../../layouts/index.ts';
import type { Bundle, LayoutId, LayoutOptions } from '../../layouts/types.ts';
import { plaintextKeysExpected } from './plaintext-keys.ts';

/** A cluster of one node and no clients. */
const NODES_ONLY: Bundle = {
  cluster: 'ring',
  ca: { certPem: '' },
  nodes: [{ name: 'cass1', dns: ['cass1.db'], ips: [], certPem: '', keyPem: '', chainPem: '' }],
  clients: [],
};

const rows: { name: string; input: { layout: LayoutId; options: LayoutOptions; bundle?: Bundle }; want: boolean }[] = [
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
    name: 'cassandra PKCS#12 keeps node keys in keystores, but cqlsh clients get PEM keys (bug: Export said no plaintext key)',
    input: { layout: 'cassandra', options: { cassandraFormat: 'pkcs12', storePassword: 's' } },
    want: true,
  },
  {
    name: 'cassandra PKCS#12 without clients holds keys in keystores only',
    input: { layout: 'cassandra', options: { cassandraFormat: 'pkcs12', storePassword: 's' }, bundle: NODES_ONLY },
    want: false,
  },
  {
    name: 'generic with a passphrase and no clients',
    input: { layout: 'generic', options: { keyPassphrase: 'p' }, bundle: NODES_ONLY },
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
      expect(plaintextKeysExpected(layoutById(row.input.layout), row.input.options, row.input.bundle)).toBe(row.want);
    });
  }
});
