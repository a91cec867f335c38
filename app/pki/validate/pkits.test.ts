/**
 * NIST PKITS (../shared/vectors/nist-pkits) for the sections this validator covers. The
 * intermediates are given as an unordered pool, so path building is exercised too. Entries
 * that need CRLs, the policy tree or DSA are left out and listed with the reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from '@peculiar/x509';
import { validatePath } from './index.ts';
import { vectorDir } from '../../test/vectors.ts';

const DIR = vectorDir('nist-pkits');
interface Vector { Name: string; CertPath: string[]; ShouldValidate: boolean }
const vectors = JSON.parse(readFileSync(join(DIR, 'vectors.json'), 'utf8')) as Vector[];

const COVERED = new Set(['4.1', '4.2', '4.3', '4.5', '4.6', '4.7', '4.13', '4.16']);
const LEFT_OUT: Record<string, string> = {
  '4.1.4': 'DSA: WebCrypto has no DSA',
  '4.1.5': 'DSA (parameter inheritance): WebCrypto has no DSA',
  '4.1.6': 'DSA: WebCrypto has no DSA',
  '4.5.2': 'fails only by revocation (CRL checking is not implemented)',
  '4.5.5': 'fails only by revocation (CRL checking is not implemented)',
  '4.5.7': 'fails only by revocation (CRL checking is not implemented)',
  '4.7.4': 'fails only by a CRL signed without cRLSign (CRL checking is not implemented)',
  '4.7.5': 'fails only by a CRL signed without cRLSign (CRL checking is not implemented)',
};
const SECTION_REASON: Record<string, string> = {
  '4.4': 'basic CRL checks: revocation is not implemented',
  '4.8': 'certificate policies: the policy tree is not implemented',
  '4.9': 'requireExplicitPolicy: the policy tree is not implemented',
  '4.10': 'policy mappings: the policy tree is not implemented',
  '4.11': 'inhibitPolicyMapping: the policy tree is not implemented',
  '4.12': 'inhibitAnyPolicy: the policy tree is not implemented',
  '4.14': 'distribution points and indirect CRLs: revocation is not implemented',
  '4.15': 'delta-CRLs: revocation is not implemented',
};

const number = (v: Vector) => v.Name.split(' ')[0] ?? '';
const section = (v: Vector) => number(v).split('.').slice(0, 2).join('.');
const included = vectors.filter((v) => COVERED.has(section(v)) && !LEFT_OUT[number(v)]);
const cert = (file: string) => new X509Certificate(new Uint8Array(readFileSync(join(DIR, 'certs', file))));
const AT = new Date(Date.UTC(2020, 0, 1));
let passed = 0;

describe('NIST PKITS', () => {
  it('covers the 87 entries of the README\'s first gate', () => {
    expect(included.length).toBe(87);
  });
  for (const v of included) {
    it(v.Name, async () => {
      const [anchor, ...rest] = v.CertPath.map(cert);
      const leaf = rest.pop();
      if (!anchor || !leaf) throw new Error('vector has no path');
      const result = await validatePath({ leaf, intermediates: [...rest].reverse(), anchors: [anchor], at: AT });
      expect(result.valid, JSON.stringify(result.findings)).toBe(v.ShouldValidate);
      // A shorter valid path may exist (4.5.4, 4.5.6: the leaf is also signed by the old key).
      if (v.ShouldValidate) expect([result.chain[0], result.chain.at(-1)]).toEqual([leaf, anchor]);
      else expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
      passed++;
    });
  }
  afterAll(() => {
    const out = vectors.filter((v) => !included.includes(v));
    const bySection = new Map<string, number>();
    for (const v of out) bySection.set(section(v), (bySection.get(section(v)) ?? 0) + 1);
    const lines = [
      `PKITS: ${passed} of ${included.length} covered entries pass; ${out.length} of ${vectors.length} left out:`,
      ...[...bySection].filter(([s]) => SECTION_REASON[s]).map(([s, n]) => `  §${s} (${n}): ${SECTION_REASON[s] ?? ''}`),
      ...Object.entries(LEFT_OUT).map(([n, why]) => `  ${n}: ${why}`),
    ];
    console.log(lines.join('\n'));
  });
});
