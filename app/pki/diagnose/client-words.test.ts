import { beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { validatePath } from '../validate/index.ts';
import { makeCa, makeCert, newKey, type Issuer } from '../validate/test-kit.ts';
import { clientMatrix, refusalFix, refusalReason, verdictLine } from './client-words.ts';
import { DIAGNOSIS_CODES } from './catalog.ts';
import { PATH_RULES } from '../lint/index.ts';

const AT = new Date(Date.UTC(2026, 0, 1));
let root: Issuer;
beforeAll(async () => {
  root = await makeCa('CN=Words Root');
});

describe('client verdicts in plain words', () => {
  const rows = [
    {
      name: 'profile rule on the leaf',
      refusal: { code: 'missing-aki', position: 'leaf' as const },
      reason: 'the leaf has no authority key identifier',
      fix: "re-issue the leaf with an authority key identifier; certbench's own certificates have one",
    },
    {
      name: 'profile rule on the root',
      refusal: { code: 'ca-basic-constraints-not-critical', position: 'anchor' as const },
      reason: 'the root has a basicConstraints extension that is not marked critical',
      fix: 're-issue the root with basicConstraints marked critical',
    },
    {
      name: 'section 6 check on an intermediate',
      refusal: { code: 'expired', position: 'intermediate' as const },
      reason: 'an intermediate has expired',
      fix: 'renew it',
    },
    {
      name: 'about the path',
      refusal: { code: 'missing-intermediate' },
      reason: 'the chain lacks the CA that issued its top certificate',
      fix: 'add that CA certificate',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(refusalReason(row.refusal)).toBe(row.reason);
      expect(refusalFix(row.refusal)).toBe(row.fix);
    });
  }

  it('every code a client can refuse has its own words (no fallback sentence)', () => {
    const codes = [...DIAGNOSIS_CODES, ...PATH_RULES.map((r) => r.code)];
    const missing = codes.filter((code) => refusalReason({ code, position: 'leaf' }).includes('fails the check'));
    expect(missing).toEqual([]);
  });

  it('a leaf without an AKI: the matrix and the CLI line say who refuses and why', async () => {
    const leaf = await makeCert({
      subject: 'CN=w.example',
      keys: await newKey(),
      issuer: root,
      ca: false,
      aki: false,
      keyUsage: x509.KeyUsageFlags.digitalSignature,
      eku: ['1.3.6.1.5.5.7.3.1'],
      san: [{ type: 'dns', value: 'w.example' }],
    });
    const result = await validatePath({ leaf, anchors: [root.cert], at: AT });
    const matrix = clientMatrix(result);
    expect(matrix.map((c) => [c.id, c.accepts])).toEqual([
      ['rfc5280', false],
      ['openssl', true],
      ['python', false],
      ['java', true],
      ['go', true],
      ['webpki', true],
    ]);
    const python = result.clients.find((c) => c.id === 'python');
    if (!python) throw new Error('no python verdict');
    expect(verdictLine(python, result.refusals.python)).toBe(
      'Python 3.13+: refuses — the leaf has no authority key identifier',
    );
    expect(matrix.find((c) => c.id === 'python')?.fixes).toEqual([
      "re-issue the leaf with an authority key identifier; certbench's own certificates have one",
    ]);
  });
});
