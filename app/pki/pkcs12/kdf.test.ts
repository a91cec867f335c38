// The RFC 7292 Appendix B KDF judged against OpenSSL 3's own PKCS12KDF, on the BMPString bytes.
import { describe, expect, it } from 'vitest';
import { bmpPassword, pkcs12Kdf } from './kdf.ts';
import { run } from '../../test/judges/index.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function opensslKdf(p: {
  password: Uint8Array;
  salt: Uint8Array;
  id: number;
  iterations: number;
  length: number;
  hash: string;
}): string {
  const r = run('openssl', [
    'kdf',
    '-keylen',
    String(p.length),
    '-kdfopt',
    `digest:${p.hash.replace('-', '')}`,
    '-kdfopt',
    `hexpass:${hex(p.password)}`,
    '-kdfopt',
    `hexsalt:${hex(p.salt)}`,
    '-kdfopt',
    `iter:${p.iterations}`,
    '-kdfopt',
    `id:${p.id}`,
    'PKCS12KDF',
  ]);
  if (r.status !== 0) throw new Error(`openssl kdf failed: ${r.stderr}`);
  return r.stdout.trim().replace(/:/g, '').toLowerCase();
}

const salt8 = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
const salt20 = Uint8Array.from({ length: 20 }, (_, i) => 0xa0 + i);

const rows = [
  {
    name: 'MAC key, SHA-256, one iteration',
    input: { password: 'p', salt: salt8, id: 3, iterations: 1, length: 32, hash: 'SHA-256' },
  },
  {
    name: 'MAC key, SHA-256, 10,000 iterations (what we write)',
    input: { password: 'changeit', salt: salt20, id: 3, iterations: 10_000, length: 32, hash: 'SHA-256' },
  },
  {
    name: 'two output blocks (48 bytes from SHA-256)',
    input: { password: 'Pässwörd', salt: salt8, id: 1, iterations: 3, length: 48, hash: 'SHA-256' },
  },
  {
    name: 'IV material, SHA-1, password longer than one block',
    input: { password: 'x'.repeat(70), salt: salt20, id: 2, iterations: 5, length: 8, hash: 'SHA-1' },
  },
  {
    name: 'SHA-512 with a surrogate pair in the password',
    input: { password: 'key-😀-密码', salt: salt8, id: 3, iterations: 7, length: 64, hash: 'SHA-512' },
  },
];

describe('pkcs12Kdf', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const password = bmpPassword(row.input.password);
      const got = await pkcs12Kdf({ ...row.input, password });
      expect(hex(got)).toBe(opensslKdf({ ...row.input, password }));
    });
  }

  const bmpRows = [
    { name: 'ASCII', input: 'ab', want: '0061006200 00'.replace(/ /g, '') },
    { name: 'Latin-1', input: 'ö', want: '00f60000' },
    { name: 'astral: a surrogate pair', input: '😀', want: 'd83dde000000' },
  ];
  for (const row of bmpRows) {
    it(`bmpPassword: ${row.name}`, () => {
      expect(hex(bmpPassword(row.input))).toBe(row.want);
    });
  }
});
