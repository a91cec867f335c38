import { describe, expect, it } from 'vitest';
import { run } from '../test/judges/tools.ts';
import { keyFamily, type KeyFamily } from './key-family.ts';

/** Keys made by openssl in each encoding it writes. */
function opensslKey(genpkey: string[], convert: string[] = []): string {
  const key = run('openssl', ['genpkey', ...genpkey]);
  expect(key.status, key.stderr).toBe(0);
  if (!convert.length) return key.stdout;
  const out = run('openssl', convert, { input: key.stdout });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

const rows: { name: string; input: () => string; want: KeyFamily }[] = [
  {
    name: 'RSA PKCS#8',
    input: () => opensslKey(['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']),
    want: 'rsa',
  },
  {
    name: 'RSA PKCS#1',
    input: () => opensslKey(['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'], ['pkey', '-traditional']),
    want: 'rsa',
  },
  {
    name: 'EC PKCS#8',
    input: () => opensslKey(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']),
    want: 'ec',
  },
  {
    name: 'EC SEC1',
    input: () => opensslKey(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['ec']),
    want: 'ec',
  },
  { name: 'Ed25519', input: () => opensslKey(['-algorithm', 'ED25519']), want: 'ed25519' },
  { name: 'Ed448', input: () => opensslKey(['-algorithm', 'ED448']), want: 'ed448' },
  {
    name: 'encrypted PKCS#8',
    input: () => opensslKey(['-algorithm', 'ED25519'], ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', 'pass:x']),
    want: 'encrypted',
  },
  {
    name: 'a certificate, no key',
    input: () => '-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n',
    want: 'unknown',
  },
  { name: 'empty text', input: () => '', want: 'unknown' },
];

describe('keyFamily', () => {
  for (const row of rows) it(row.name, () => expect(keyFamily(row.input())).toBe(row.want));
});
