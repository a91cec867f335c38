/**
 * Regression: a PKCS#12 holding a leaf and its intermediate was diagnosed "Add the intermediate
 * CA" while the root was what it lacked (issue 12). Each row builds a chain with certbench's own
 * CA, issuing and PKCS#12 code, inspects some of it, and checks which certificate the diagnosis
 * names as missing, in what role, and the page's sentence for it. openssl verify judges that the
 * chain is indeed incomplete, and complete once the named certificate is added.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectReport, type InspectInput } from '../../flows/inspect-report.ts';
import {
  buildKeystore,
  createIntermediateCa,
  createRootCa,
  issueLeaf,
  type CaResult,
  type IssuedLeaf,
} from '../../pki/index.ts';
import { pageFindingText } from './page-words.ts';

interface Pki {
  root: CaResult;
  inter: CaResult;
  leaf: IssuedLeaf;
  /** "Cross Root" re-signed by "Old Root": same subject and key as the self-signed Cross Root. */
  crossRoot: CaResult;
  crossByOld: CaResult;
  crossInter: CaResult;
  crossLeaf: IssuedLeaf;
  oldRoot: CaResult;
}
let pki: Pki;
let p12: Uint8Array;

beforeAll(async () => {
  const root = await createRootCa({ subject: { commonName: 'Test Root CA' } });
  const inter = await createIntermediateCa({ subject: { commonName: 'Test Issuing CA' } }, root);
  const leaf = await issueLeaf({ profile: 'server', commonName: 'node1', sans: 'DNS:node1.example' }, inter);
  const oldRoot = await createRootCa({ subject: { commonName: 'Old Root' } });
  const crossRoot = await createRootCa({ subject: { commonName: 'Cross Root' } });
  const crossByOld = await createIntermediateCa(
    { subject: { commonName: 'Cross Root' }, keyPem: crossRoot.keyPem, pathLength: 2 },
    oldRoot,
  );
  const crossInter = await createIntermediateCa({ subject: { commonName: 'Cross Issuing CA' } }, crossRoot);
  const crossLeaf = await issueLeaf({ profile: 'server', commonName: 'node2', sans: 'DNS:node2.example' }, crossInter);
  pki = { root, inter, leaf, crossRoot, crossByOld, crossInter, crossLeaf, oldRoot };
  p12 = (await buildKeystore({ key: leaf.keyPem, certificate: leaf.certPem, chain: inter.certPem, password: 'pw' }))
    .der;
});

/**
 * openssl verify with `trusted` as CAfile and `untrusted` as the rest. Returns null when the leaf
 * validates, else the subject openssl prints for the certificate whose issuer it could not find
 * ("CN = node1" before "error 20 at 0 depth lookup"), in RFC 4514 spacing.
 */
function opensslStuckAt(leaf: string, trusted: string[], untrusted: string[]): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-missing-'));
  writeFileSync(join(dir, 'leaf.pem'), leaf);
  writeFileSync(join(dir, 'trusted.pem'), trusted.join(''));
  writeFileSync(join(dir, 'untrusted.pem'), untrusted.join(''));
  // No trusted certificate given: no store at all, not the system's.
  const args = ['verify', '-x509_strict'];
  args.push(...(trusted.length ? ['-CAfile', 'trusted.pem'] : ['-no-CAfile', '-no-CApath', '-no-CAstore']));
  if (untrusted.length) args.push('-untrusted', 'untrusted.pem');
  try {
    execFileSync('openssl', [...args, 'leaf.pem'], { cwd: dir, stdio: 'pipe' });
    return null;
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer; stdout?: Buffer };
    if (err.code === 'ENOENT')
      throw new Error('openssl is needed for this test: apt-get install -y openssl', { cause: e });
    const text = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
    const m = /^(.*)\n(?:.*: )?error (?:2|20) at \d+ depth lookup/m.exec(text);
    if (!m?.[1]) throw new Error(`openssl refused for another reason: ${text}`, { cause: e });
    return m[1]
      .replace(/ = /g, '=')
      .replace(/^.*?: /, '')
      .trim();
  }
}

const pem = (name: string, text: string): InspectInput => ({ name, data: text });

const rows: {
  name: string;
  inputs: () => InspectInput[];
  want: { subject: string; role: string; issues: string; page: string };
  /**
   * The judge: openssl given the same certificates stops below `want.issues`; where `completes` is
   * set, adding that certificate (trusted, or untrusted beside the root) makes it accept.
   */
  judge: () => { leaf: string; trusted: string[]; untrusted: string[]; completes?: { pem: string; trusted: boolean } };
}[] = [
  {
    name: 'a leaf alone: its issuer is missing, and the inputs cannot tell whether it is a root',
    inputs: () => [pem('node1.pem', pki.leaf.certPem)],
    want: {
      subject: 'CN=Test Issuing CA',
      role: 'issuer',
      issues: 'CN=node1',
      page: "Add 'Test Issuing CA' (the CA that issued 'node1') with Add files.",
    },
    judge: () => ({ leaf: pki.leaf.certPem, trusted: [], untrusted: [] }),
  },
  {
    name: 'a PKCS#12 with the leaf and its intermediate: the root is missing',
    inputs: () => [{ name: 'node1.p12', data: p12 }],
    want: {
      subject: 'CN=Test Root CA',
      role: 'root',
      issues: 'CN=Test Issuing CA',
      page: "Add 'Test Root CA' (the root) with Add files.",
    },
    judge: () => ({
      leaf: pki.leaf.certPem,
      trusted: [],
      untrusted: [pki.inter.certPem],
      completes: { pem: pki.root.certPem, trusted: true },
    }),
  },
  {
    name: 'a leaf and the root without the intermediate: the intermediate is missing',
    inputs: () => [pem('node1.pem', pki.leaf.certPem), pem('root.pem', pki.root.certPem)],
    want: {
      subject: 'CN=Test Issuing CA',
      role: 'intermediate',
      issues: 'CN=node1',
      page: "Add 'Test Issuing CA' (the intermediate between 'node1' and the root) with Add files.",
    },
    judge: () => ({
      leaf: pki.leaf.certPem,
      trusted: [pki.root.certPem],
      untrusted: [],
      completes: { pem: pki.inter.certPem, trusted: false },
    }),
  },
  {
    name: 'a cross-signed CA without the old root that signed it: the old root is missing',
    inputs: () => [
      pem('node2.pem', pki.crossLeaf.certPem),
      pem('chain.pem', pki.crossInter.certPem + pki.crossByOld.certPem),
    ],
    want: {
      subject: 'CN=Old Root',
      role: 'root',
      issues: 'CN=Cross Root',
      page: "Add 'Old Root' (the root) with Add files.",
    },
    judge: () => ({
      leaf: pki.crossLeaf.certPem,
      trusted: [],
      untrusted: [pki.crossInter.certPem, pki.crossByOld.certPem],
      completes: { pem: pki.oldRoot.certPem, trusted: true },
    }),
  },
];

describe('the missing certificate is named by subject and role', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const report = await inspectReport({ inputs: row.inputs(), password: 'pw' });
      const [d] = report.diagnoses;
      expect(d?.valid).toBe(false);
      expect(d?.missing).toEqual({ subject: row.want.subject, role: row.want.role, issues: row.want.issues });
      const finding = d?.findings.find((f) => f.code === 'missing-intermediate');
      if (!d || !finding) throw new Error('no missing-intermediate finding');
      const page = pageFindingText(finding, d);
      expect(page).toContain(row.want.page);
      expect(page).not.toMatch(/--[a-z]/);
      // The CLI's sentence keeps its flags and names the same certificate.
      expect(finding.message).toContain(row.want.subject);
      expect(finding.message).toMatch(/--ca\b.*--untrusted\b/);
      const j = row.judge();
      expect(opensslStuckAt(j.leaf, j.trusted, j.untrusted)).toBe(row.want.issues);
      if (j.completes) {
        const { pem: added, trusted } = j.completes;
        const after = trusted
          ? opensslStuckAt(j.leaf, [...j.trusted, added], j.untrusted)
          : opensslStuckAt(j.leaf, j.trusted, [...j.untrusted, added]);
        expect(after).toBeNull();
      }
    });
  }

  it('a cross-signed CA beside its own self-signed form: nothing is missing', async () => {
    const report = await inspectReport({
      inputs: [
        pem('all.pem', pki.crossLeaf.certPem + pki.crossInter.certPem + pki.crossByOld.certPem + pki.crossRoot.certPem),
      ],
    });
    const [d] = report.diagnoses;
    expect(d?.valid).toBe(true);
    expect(d?.missing).toBeUndefined();
    expect(d?.links.map((l) => l.role)).toEqual(['leaf', 'intermediate', 'root']);
  });
});
