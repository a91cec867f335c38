/**
 * Basic CRL checking against CRLs made by openssl (`openssl ca -gencrl`), with `openssl verify
 * -crl_check` as the judge for the revoked and the good leaf.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { X509Certificate } from '@peculiar/x509';
import { validatePath } from './index.ts';
import { crlFactsFromDer } from './crl-facts.ts';
import { PkiError } from '../errors.ts';
import { run } from '../../test/judges/tools.ts';
import { opensslCa, type OpensslCa } from '../../test/judges/openssl-ca.ts';

let ca: OpensslCa;
const p = (name: string) => ca.path(name);

const pemCert = (name: string) => new X509Certificate(readFileSync(p(`${name}.crt`), 'utf8'));

let anchor: X509Certificate;
let crls: Record<'good' | 'otherKey' | 'shortLived' | 'stranger', Uint8Array>;
/** One minute after the CRLs were made: inside every certificate's and the 7-day CRLs' validity. */
let at: Date;
/** An hour after the short-lived CRL's nextUpdate: the certificates are still valid. */
let afterShortLived: Date;

beforeAll(() => {
  ca = opensslCa();
  ca.makeCa('ca');
  ca.makeCa('other'); // same name, another key
  ca.makeCa('stranger', 'Stranger CA'); // another CA altogether
  ca.issueLeaf('revoked-leaf');
  ca.issueLeaf('good-leaf');
  ca.revoke('revoked-leaf', 'keyCompromise');
  crls = {
    good: ca.gencrl('ca', 'good'),
    otherKey: ca.gencrl('other', 'other'),
    shortLived: ca.gencrl('ca', 'short', ['-crlhours', '1']),
    stranger: ca.gencrl('stranger', 'stranger'),
  };
  anchor = pemCert('ca');
  at = new Date(crlFactsFromDer(crls.good).thisUpdate.getTime() + 60_000);
  afterShortLived = new Date((crlFactsFromDer(crls.shortLived).nextUpdate?.getTime() ?? NaN) + 3_600_000);
});

afterAll(() => ca.remove());

describe('basic CRL checking', () => {
  const rows: {
    name: string;
    leaf: string;
    crls: (keyof typeof crls)[];
    when?: 'later';
    want: string | null;
    says?: RegExp;
  }[] = [
    {
      name: 'a revoked leaf is revoked',
      leaf: 'revoked-leaf',
      crls: ['good'],
      want: 'revoked',
      says: /revoked on .*keyCompromise/,
    },
    { name: 'a leaf not on the CRL is valid', leaf: 'good-leaf', crls: ['good'], want: null },
    {
      name: 'a CRL signed by another key of the same name is unusable',
      leaf: 'revoked-leaf',
      crls: ['otherKey'],
      want: 'revocation-unknown',
      says: /signature does not verify/,
    },
    {
      name: 'the good CRL is used when a forged one comes along',
      leaf: 'revoked-leaf',
      crls: ['otherKey', 'good'],
      want: 'revoked',
    },
    {
      name: 'an expired CRL is unusable',
      leaf: 'good-leaf',
      crls: ['shortLived'],
      when: 'later',
      want: 'revocation-unknown',
      says: /expired at its nextUpdate/,
    },
    { name: 'without CRLs nothing is checked', leaf: 'revoked-leaf', crls: [], want: null },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const supplied = row.crls.map((k) => crls[k]);
      const result = await validatePath({
        leaf: pemCert(row.leaf),
        anchors: [anchor],
        at: row.when === 'later' ? afterShortLived : at,
        ...(supplied.length ? { crls: supplied } : {}),
      });
      const errors = result.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.code)).toEqual(row.want ? [row.want] : []);
      expect(result.valid).toBe(row.want === null);
      if (row.says) expect(errors[0]?.message).toMatch(row.says);
      if (row.want) expect(errors[0]?.message).toContain(`CN=${row.leaf}`);
    });
  }

  it('a CRL of another CA checks nothing and says so (a warning), as -crl_check_all would refuse', async () => {
    const result = await validatePath({ leaf: pemCert('revoked-leaf'), anchors: [anchor], at, crls: [crls.stranger] });
    expect(result.valid).toBe(true);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['revocation-not-checked', 'warning']]);
    expect(result.findings[0]?.message).toMatch(/CN=revoked-leaf.*issuer CN=CRL Test CA/);
    const judge = run('openssl', [
      'verify',
      '-crl_check_all',
      '-CAfile',
      p('ca.crt'),
      '-CRLfile',
      p('stranger.pem'),
      p('revoked-leaf.crt'),
    ]);
    expect(judge.status).not.toBe(0);
  });

  it('an empty list of CRLs is no revocation checking and no finding about it', async () => {
    const result = await validatePath({ leaf: pemCert('revoked-leaf'), anchors: [anchor], at, crls: [] });
    expect(result.findings).toEqual([]);
  });

  it('names the revoked serial as openssl reads it', async () => {
    const serial = run('openssl', ['x509', '-in', p('revoked-leaf.crt'), '-noout', '-serial'])
      .stdout.trim()
      .split('=')[1]
      ?.toLowerCase();
    const result = await validatePath({ leaf: pemCert('revoked-leaf'), anchors: [anchor], at, crls: [crls.good] });
    expect(serial).toBeTruthy();
    expect(result.findings[0]?.message).toContain(`serial ${serial ?? '?'}`);
  });

  it('agrees with openssl verify -crl_check', () => {
    const verify = (leaf: string) =>
      run('openssl', ['verify', '-crl_check', '-CAfile', p('ca.crt'), '-CRLfile', p('good.pem'), p(`${leaf}.crt`)]);
    const revoked = verify('revoked-leaf');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toMatch(/certificate revoked/);
    expect(verify('good-leaf').status).toBe(0);
  });

  it('refuses input that is not a DER CRL, naming the field', async () => {
    const err = await validatePath({
      leaf: pemCert('good-leaf'),
      anchors: [anchor],
      at,
      crls: [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as PkiError).field).toBe('crls');
  });
});
