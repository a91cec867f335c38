/**
 * NIST PKITS (../shared/vectors/nist-pkits) for the sections this validator covers. The
 * intermediates are given as an unordered pool, so path building is exercised too, and each
 * entry's CRLs (its CRLPath) are passed, so basic revocation checking (§4.4) is too. Entries
 * that need the policy tree, DSA, or more than basic CRL processing are left out and listed
 * with the reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from '@peculiar/x509';
import { validatePath } from './index.ts';
import { vectorDir } from '../../test/vectors.ts';

const DIR = vectorDir('nist-pkits');
interface Vector {
  Name: string;
  CertPath: string[];
  CRLPath: string[];
  ShouldValidate: boolean;
}
const vectors = JSON.parse(readFileSync(join(DIR, 'vectors.json'), 'utf8')) as Vector[];

const COVERED = new Set(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.13', '4.16']);
const LEFT_OUT: Record<string, string> = {
  '4.1.4': 'DSA: WebCrypto has no DSA',
  '4.1.5': 'DSA (parameter inheritance): WebCrypto has no DSA',
  '4.1.6': 'DSA: WebCrypto has no DSA',
  '4.4.1': 'no CRL names the issuer: a CA without a supplied CRL is not checked (no revocation finding by design)',
  '4.4.5': 'no CRL names the issuer: a CA without a supplied CRL is not checked (no revocation finding by design)',
  '4.4.6': 'no CRL names the issuer: a CA without a supplied CRL is not checked (no revocation finding by design)',
  '4.4.19': 'CRL signed by a separate CRL-signing certificate: CRL issuer paths (RFC 5280 §6.3.3 (f)) are not built',
  '4.4.20': 'CRL signed by a separate CRL-signing certificate: would fail, but only as revocation-unknown',
  '4.4.21': 'CRL signed by a separate CRL-signing certificate: would fail, but only as revocation-unknown',
};
/**
 * Entries that run without their CRLs (as before revocation checking): the CRLs that cover
 * them carry an issuing distribution point or are signed by a key outside the path, which
 * basic checking does not use, so with them the result would be revocation-unknown.
 */
const WITHOUT_CRLS: Record<string, string> = {
  '4.5.4': 'the self-issued rollover certificate is covered only by a CRL with an issuing distribution point',
};
/** The error each failing revocation entry must report, so none passes for another reason. */
const REVOCATION_CODE: Record<string, 'revoked' | 'revocation-unknown'> = {
  '4.4.2': 'revoked',
  '4.4.3': 'revoked',
  '4.4.15': 'revoked',
  '4.4.18': 'revoked',
  '4.5.2': 'revoked',
  '4.5.5': 'revoked',
  '4.5.7': 'revoked',
  '4.4.4': 'revocation-unknown',
  '4.4.8': 'revocation-unknown',
  '4.4.9': 'revocation-unknown',
  '4.4.10': 'revocation-unknown',
  '4.4.11': 'revocation-unknown',
  '4.4.12': 'revocation-unknown',
  '4.7.4': 'revocation-unknown',
  '4.7.5': 'revocation-unknown',
};
/**
 * Entries §6 alone accepts and RFC 5280's certificate profile (§4), which issue 8 enforces by
 * default, refuses: they must be refused by the rfc5280 verdict for exactly the profile rule
 * named, and accepted by OpenSSL's default verification, as PKITS expects of §6.
 */
const PROFILE_REFUSES: Record<string, string> = {
  '4.6.4': 'ca-basic-constraints-not-critical', // §4.2.1.9: a CA MUST mark basicConstraints critical
};
const SECTION_REASON: Record<string, string> = {
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
const crl = (file: string) => new Uint8Array(readFileSync(join(DIR, 'crls', file)));
const AT = new Date(Date.UTC(2020, 0, 1));
let passed = 0;

describe('NIST PKITS', () => {
  it("covers the 87 entries of the README's first gate and 20 revocation entries", () => {
    expect(included.length).toBe(87 + 20);
  });
  for (const v of included) {
    it(v.Name, async () => {
      const [anchor, ...rest] = v.CertPath.map(cert);
      const leaf = rest.pop();
      if (!anchor || !leaf) throw new Error('vector has no path');
      const crls = WITHOUT_CRLS[number(v)] ? undefined : v.CRLPath.map(crl);
      const result = await validatePath({
        leaf,
        intermediates: [...rest].reverse(),
        anchors: [anchor],
        at: AT,
        ...(crls ? { crls } : {}),
      });
      const profileRule = PROFILE_REFUSES[number(v)];
      if (profileRule) {
        expect(result.clients.find((c) => c.id === 'rfc5280')?.findings).toEqual([profileRule]);
        expect(result.clients.find((c) => c.id === 'openssl')?.accepts).toBe(v.ShouldValidate);
        passed++;
        return;
      }
      expect(result.valid, JSON.stringify(result.findings)).toBe(v.ShouldValidate);
      // A shorter valid path may exist (4.5.4, 4.5.6: the leaf is also signed by the old key).
      if (v.ShouldValidate) expect([result.chain[0], result.chain.at(-1)]).toEqual([leaf, anchor]);
      else expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
      const code = REVOCATION_CODE[number(v)];
      // OpenSSL's verdict holds the revocation error alone; RFC 5280's may add a profile error
      // (4.4.15's negative serial is one).
      if (code) expect(result.clients.find((c) => c.id === 'openssl')?.findings).toEqual([code]);
      if (code) expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toContain(code);
      else expect(result.findings.map((f) => f.code)).not.toContain('revoked');
      passed++;
    });
  }
  afterAll(() => {
    const out = vectors.filter((v) => !included.includes(v));
    const bySection = new Map<string, number>();
    for (const v of out) bySection.set(section(v), (bySection.get(section(v)) ?? 0) + 1);
    const lines = [
      `PKITS: ${passed} of ${included.length} covered entries pass; ${out.length} of ${vectors.length} left out:`,
      ...[...bySection]
        .filter(([s]) => SECTION_REASON[s])
        .map(([s, n]) => `  §${s} (${n}): ${SECTION_REASON[s] ?? ''}`),
      ...Object.entries(LEFT_OUT).map(([n, why]) => `  ${n}: ${why}`),
      ...Object.entries(WITHOUT_CRLS).map(([n, why]) => `  ${n} runs without its CRLs: ${why}`),
      ...Object.entries(PROFILE_REFUSES).map(
        ([n, code]) => `  ${n} is refused by the rfc5280 profile (${code}); OpenSSL's verdict is PKITS's`,
      ),
    ];
    console.log(lines.join('\n'));
  });
});
