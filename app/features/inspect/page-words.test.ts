/**
 * Regression: the browser's diagnosis said "pass it with --untrusted" and "Add it with --ca"
 * (issue 12). Walk every sentence the Inspect page can show about a chain: each catalog code as
 * the page words it (with and without a known missing certificate), each client's reason and
 * fix at each position, the missing-certificate advice for each role and the "nothing could be
 * read" sentences (the chain's check texts: app/pki/diagnose/chain-links.test.ts). None names a command-line
 * flag. The CLI's sentences keep theirs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createIntermediateCa,
  createRootCa,
  diagnosis,
  DIAGNOSIS_CODES,
  issueLeaf,
  refusalFix,
  refusalReason,
  type ChainLink,
} from '../../pki/index.ts';
import { inspectReport } from '../../flows/inspect-report.ts';
import { PATH_RULES } from '../../pki/lint/index.ts';
import type { MissingCertificate, MissingRole } from '../../pki/light/index.ts';
import { addMissingText, pageFindingText } from './page-words.ts';
import { lockedText, nothingReadText } from './nothing-read.ts';

/** "--ca", "--untrusted FILE": a long option, wherever it sits in the sentence. */
const FLAG = /(^|[^\w-])--[a-z]/i;

const DETAILS = { cert: 'CN=Test Issuing CA', at: '2030-01-01', host: 'db1.example', detail: 'CN=Test Root CA' };
const ROLES: MissingRole[] = ['root', 'intermediate', 'issuer'];
const missingOf = (role: MissingRole): MissingCertificate => ({
  subject: 'CN=Test Root CA',
  role,
  issues: 'CN=Test Issuing CA',
});

// The chain's own check texts are walked in app/pki/diagnose/chain-links.test.ts.
let links: ChainLink[] = [];
beforeAll(async () => {
  const root = await createRootCa({ subject: { commonName: 'Test Root CA' } });
  const inter = await createIntermediateCa({ subject: { commonName: 'Test Issuing CA' } }, root);
  const leaf = await issueLeaf({ profile: 'server', commonName: 'node1', sans: 'DNS:node1.example' }, inter);
  const report = await inspectReport({
    inputs: [{ name: 'chain.pem', data: leaf.certPem + inter.certPem + root.certPem }],
  });
  links = report.diagnoses[0]?.links ?? [];
});

function pageTexts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const code of DIAGNOSIS_CODES) {
    const f = diagnosis(code, DETAILS);
    out.push({ where: `${code} (no missing certificate)`, text: pageFindingText(f, { links }) });
    for (const role of ROLES)
      out.push({ where: `${code} (${role} missing)`, text: pageFindingText(f, { links, missing: missingOf(role) }) });
  }
  const codes = [...DIAGNOSIS_CODES, ...PATH_RULES.map((r) => r.code)];
  for (const code of codes)
    for (const position of ['leaf', 'intermediate', 'anchor', undefined] as const) {
      const refusal = position ? { code, position } : { code };
      out.push({ where: `client reason ${code}@${position ?? 'path'}`, text: refusalReason(refusal) });
      out.push({ where: `client fix ${code}@${position ?? 'path'}`, text: refusalFix(refusal) });
    }
  for (const role of ROLES) out.push({ where: `advice ${role}`, text: addMissingText(missingOf(role)) });
  for (const given of [false, true]) {
    out.push({ where: 'nothing read', text: nothingReadText([], given) });
    out.push({ where: 'nothing read, locked', text: nothingReadText(['a.p12'], given) });
    out.push({ where: 'locked', text: lockedText(['a.p12', 'b.pfx'], given) });
  }
  return out;
}

describe('the page names no command-line flag', () => {
  it('walks every sentence the diagnosis can show', () => {
    const texts = pageTexts();
    // The walk covers what it claims: every code, every check passing and failing.
    expect(texts.length).toBeGreaterThan(DIAGNOSIS_CODES.length * 4);
    expect(links).toHaveLength(3);
    expect(texts.filter((t) => FLAG.test(t.text))).toEqual([]);
  });

  it('the page points at its own control for what is missing', () => {
    expect(addMissingText(missingOf('root'))).toBe("Add 'Test Root CA' (the root) with Add files.");
  });

  it('the CLI keeps its flags for the same findings', () => {
    expect(diagnosis('missing-intermediate', DETAILS).message).toMatch(/--ca\b.*--untrusted\b/);
    expect(diagnosis('untrusted-root', DETAILS).message).toMatch(/--ca\b/);
    expect(FLAG.test(diagnosis('missing-intermediate', DETAILS).message)).toBe(true);
  });
});
