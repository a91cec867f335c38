import { describe, expect, it } from 'vitest';
import { explain, readInput, type TreeNode } from './index.ts';
import { readCsr } from './csr.ts';
import { opensslMakeCsr } from '../test/judges/openssl.ts';

/** What the Inspect view shows as the request's "Public key". */
async function inspectKeyText(csrPem: string): Promise<unknown> {
  const [item] = await readInput({ name: 'req.csr', text: csrPem });
  if (!item) throw new Error('nothing read');
  const tree: TreeNode = explain(item);
  return (tree.children ?? []).find((n) => n.label === 'Public key')?.value;
}

describe('readCsr names the requested key as Inspect does (what Sign CSR shows)', () => {
  const rows = [
    { key: 'p256', want: 'ECDSA P-256' },
    { key: 'p384', want: 'ECDSA P-384' },
    { key: 'rsa2048', want: 'RSA 2048' },
    { key: 'ed25519', want: 'Ed25519' },
  ] as const;
  for (const row of rows) {
    it(`${row.key} (regression: shown as "ECDSA" without its curve)`, async () => {
      const { csrPem } = await opensslMakeCsr({ cn: 'w1', san: 'DNS:w1.example', key: row.key });
      expect((await readCsr(csrPem)).keyDescription).toBe(row.want);
      expect(await inspectKeyText(csrPem)).toBe(row.want);
    });
  }
});
