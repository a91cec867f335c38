// Bad input gets a typed error naming the field the UI shows it beside.
import { beforeAll, describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, type CaResult } from './ca.ts';
import { issueLeaf, type LeafParams } from './issue.ts';
import type { CaMaterial } from './issuer.ts';
import { PkiError } from './errors.ts';

let root: CaResult;
let rootPath0: CaResult;
let other: CaResult;
beforeAll(async () => {
  root = await createRootCa({ subject: { commonName: 'Errors Root' }, days: 100 });
  rootPath0 = await createRootCa({ subject: { commonName: 'Leaf-only Root' }, pathLength: 0 });
  other = await createRootCa({ subject: { commonName: 'Other Root' } });
});

async function caught(fn: () => Promise<unknown>): Promise<PkiError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof PkiError) return e;
    throw new Error(`expected a PkiError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected an error, got none');
}

const leaf = (over: Partial<LeafParams>): LeafParams => ({
  profile: 'node',
  commonName: 'node1',
  sans: '10.0.0.1',
  ...over,
});

const rows: { name: string; input: () => Promise<unknown>; want: { code: string; field: string; message: RegExp } }[] =
  [
    {
      name: 'empty CN',
      input: () => issueLeaf(leaf({ commonName: '  ' }), root),
      want: { code: 'invalid-name', field: 'commonName', message: /common name/i },
    },
    {
      name: 'empty CN on a root',
      input: () => createRootCa({ subject: { commonName: '' } }),
      want: { code: 'invalid-name', field: 'commonName', message: /required/ },
    },
    {
      name: '0 days',
      input: () => issueLeaf(leaf({ days: 0 }), root),
      want: { code: 'invalid-validity', field: 'days', message: /from 1 to/ },
    },
    {
      name: 'fractional days',
      input: () => issueLeaf(leaf({ days: 1.5 }), root),
      want: { code: 'invalid-validity', field: 'days', message: /whole number/ },
    },
    {
      name: 'unknown SAN kind',
      input: () => issueLeaf(leaf({ sans: 'foo:bar' }), root),
      want: { code: 'invalid-san', field: 'sans', message: /"foo:bar" has an unknown kind/ },
    },
    {
      name: 'IPv4 out of range',
      input: () => issueLeaf(leaf({ sans: '10.0.0.300' }), root),
      want: { code: 'invalid-san', field: 'sans', message: /^"10\.0\.0\.300" is not an IPv4 or IPv6 address$/ },
    },
    {
      name: 'server naming no host',
      input: () => issueLeaf(leaf({ profile: 'server', commonName: 'Web Server', sans: '' }), root),
      want: { code: 'invalid-san', field: 'sans', message: /needs at least one DNS name or IP/ },
    },
    {
      name: 'leaf outliving its CA (strict)',
      input: () => issueLeaf(leaf({ days: 365, onOutlive: 'error' }), root),
      want: { code: 'outlives-issuer', field: 'days', message: /cannot outlive its issuer/ },
    },
    {
      name: 'unknown profile',
      input: () => issueLeaf(leaf({ profile: 'admin' as LeafParams['profile'] }), root),
      want: { code: 'invalid-argument', field: 'profile', message: /not a certificate profile/ },
    },
    {
      name: 'unknown algorithm',
      input: () => issueLeaf(leaf({ algorithm: 'dsa' as LeafParams['algorithm'] }), root),
      want: { code: 'unsupported-algorithm', field: 'algorithm', message: /"dsa"/ },
    },
    {
      name: 'country not two letters',
      input: () => createRootCa({ subject: { commonName: 'x', country: 'Germany' } }),
      want: { code: 'invalid-name', field: 'country', message: /two-letter/ },
    },
    {
      name: 'negative path length',
      input: () => createRootCa({ subject: { commonName: 'x' }, pathLength: -1 }),
      want: { code: 'path-length', field: 'pathLength', message: /0 to 16/ },
    },
    {
      name: 'intermediate under pathLen 0',
      input: () => createIntermediateCa({ subject: { commonName: 'i' } }, rootPath0),
      want: { code: 'path-length', field: 'issuer', message: /path length 0/ },
    },
    {
      name: 'intermediate pathLen above the issuer',
      input: async () =>
        createIntermediateCa(
          { subject: { commonName: 'i2' }, pathLength: 3 },
          await createRootCa({ subject: { commonName: 'r' }, pathLength: 2 }),
        ),
      want: { code: 'path-length', field: 'pathLength', message: /at most 1/ },
    },
    {
      name: 'issuer is a leaf',
      input: async () => {
        const l = await issueLeaf(leaf({}), root);
        return issueLeaf(leaf({}), { certPem: l.certPem, keyPem: l.keyPem, chainPem: '' });
      },
      want: { code: 'issuer-not-ca', field: 'issuer', message: /not a CA/ },
    },
    {
      name: 'CA key of another CA',
      input: () =>
        issueLeaf(leaf({}), { certPem: root.certPem, keyPem: other.keyPem, chainPem: '' } satisfies CaMaterial),
      want: { code: 'key-mismatch', field: 'issuer', message: /does not belong/ },
    },
    {
      name: 'CA certificate not PEM',
      input: () => issueLeaf(leaf({}), { certPem: 'hello', keyPem: root.keyPem, chainPem: '' }),
      want: { code: 'invalid-pem', field: 'issuer', message: /PEM CERTIFICATE/ },
    },
  ];

describe('typed errors name the field', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const e = await caught(row.input);
      expect({ code: e.code, field: e.field }).toEqual({ code: row.want.code, field: row.want.field });
      expect(e.message).toMatch(row.want.message);
    });
  }
});

describe('validity', () => {
  it('clamps a leaf to its CA and says so', async () => {
    const l = await issueLeaf(leaf({ days: 365 }), root);
    expect(l.notAfter).toBe(new Date(root.notAfter).toISOString());
    expect(l.notes.join(' ')).toMatch(/shortened to end with the issuing CA/);
  });
  it('keeps a leaf that fits without a note', async () => {
    const l = await issueLeaf(leaf({ days: 30, sans: 'node1, 10.0.0.1' }), root);
    expect(new Date(l.notAfter).getTime() - new Date(l.notBefore).getTime()).toBe(30 * 86_400_000);
    expect(l.notes).toEqual([]);
  });
  it('honours an explicit notBefore', async () => {
    const notBefore = new Date(Date.now() + 3_600_000);
    notBefore.setUTCMilliseconds(0);
    const l = await issueLeaf(leaf({ days: 1, notBefore: notBefore.toISOString() }), root);
    expect(l.notBefore).toBe(notBefore.toISOString());
  });
});

// Issue, Sign CSR and the CLI share one rule (issue 12): node and server add a host-name or IP CN to
// the SANs and say so in the notes; a client gets nothing added; a CN already among the SANs is not repeated.
describe('what the profile adds from the CN is said', () => {
  const said = (san: string) =>
    `Added ${san} (the common name) to the subject alternative names: TLS clients match the SANs, not the CN.`;
  const rows: { name: string; input: Partial<LeafParams>; want: { sans: string[]; notes: string[] } }[] = [
    { name: 'node, host CN', input: {}, want: { sans: ['node1', '10.0.0.1'], notes: [said('DNS:node1')] } },
    {
      name: 'server, IP CN',
      input: { profile: 'server', commonName: '10.0.0.9', sans: 'db.example' },
      want: { sans: ['10.0.0.9', 'db.example'], notes: [said('IP:10.0.0.9')] },
    },
    {
      name: 'node, CN already a SAN',
      input: { sans: 'node1, 10.0.0.1' },
      want: { sans: ['node1', '10.0.0.1'], notes: [] },
    },
    {
      name: 'client: nothing added',
      input: { profile: 'client', commonName: 'alice', sans: '' },
      want: { sans: [], notes: [] },
    },
  ];
  for (const row of rows)
    it(row.name, async () => {
      const l = await issueLeaf(leaf({ days: 30, ...row.input }), root);
      expect(l.sans.map((s) => s.value)).toEqual(row.want.sans);
      expect(l.notes).toEqual(row.want.notes);
    });
});
