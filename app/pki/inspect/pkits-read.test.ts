// NIST PKITS certificates and CRLs (DER, RSA and DSA, every extension PKITS exercises) are all
// read as their kind and explained without a decoding failure; DSA and RSA key sizes and CRL
// contents are judged against openssl.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../read/read-input.ts';
import { judge } from '../read/test-judges.ts';
import { explain } from './explain.ts';
import { summarize } from './summary.ts';
import { treeToText } from './tree.ts';

const PKITS = '/work/shared/vectors/nist-pkits';
const rows = [
  ...readdirSync(join(PKITS, 'certs')).map((f) => ({ name: f, path: join(PKITS, 'certs', f), kind: 'certificate' })),
  ...readdirSync(join(PKITS, 'crls')).map((f) => ({ name: f, path: join(PKITS, 'crls', f), kind: 'crl' })),
];

describe('NIST PKITS files read and explain', () => {
  it('has the vectors', () => expect(rows.length).toBeGreaterThan(300));
  for (const row of rows) {
    it(row.name, async () => {
      const items = await readInput({ name: row.name, bytes: new Uint8Array(readFileSync(row.path)) });
      expect(items.map((i) => i.kind)).toEqual([row.kind]);
      const [item] = items;
      if (!item) throw new Error('no item');
      expect(treeToText(explain(item))).not.toMatch(/does not decode/);
    });
  }
});

describe('judged against openssl', () => {
  const keyRows = [
    { name: 'DSA CA key size', file: 'certs/DSACACert.crt' },
    { name: 'RSA trust anchor key size', file: 'certs/TrustAnchorRootCertificate.crt' },
  ];
  for (const row of keyRows) {
    it(row.name, async () => {
      const path = join(PKITS, row.file);
      const [item] = await readInput({ bytes: new Uint8Array(readFileSync(path)) });
      if (!item) throw new Error('no item');
      const bits = /Public-Key: \((\d+) bit\)/.exec(
        judge('openssl', ['x509', '-inform', 'DER', '-in', path, '-noout', '-text']),
      )?.[1];
      const s = summarize(item, { lint: false });
      expect('publicKey' in s ? s.publicKey?.size : undefined).toBe(Number(bits));
    });
  }

  it('CRL revoked serials agree with openssl crl -text', async () => {
    const path = join(PKITS, 'crls/GoodCACRL.crl');
    const [item] = await readInput({ bytes: new Uint8Array(readFileSync(path)) });
    if (!item) throw new Error('no item');
    const text = judge('openssl', ['crl', '-inform', 'DER', '-in', path, '-noout', '-text']);
    const serials = [...text.matchAll(/Serial Number: ([0-9A-F]+)/g)].map((m) =>
      (m[1] ?? '').toLowerCase().replace(/^0+(?=.)/, ''),
    );
    expect(serials.length).toBeGreaterThan(0);
    const s = summarize(item);
    expect((s.kind === 'crl' ? s.revokedSerials : []).map((s) => s.replace(/^0+(?=.)/, ''))).toEqual(serials);
  });
});
