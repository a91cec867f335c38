import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, type CaMaterial } from '../pki/ca.ts';
import { isPkiError } from '../pki/errors.ts';
import { issueLeaf } from '../pki/issue.ts';
import { run, withFiles } from '../test/judges/tools.ts';
import { issuerProblem, type IssuerPurpose } from './issuer-check.ts';

/** A self-signed certificate made by openssl with the given extensions, and its key. */
function opensslSelfSigned(cn: string, extensions: string[]): Promise<CaMaterial> {
  return withFiles({}, (_dir, p) => {
    const r = run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '30',
      '-subj',
      `/CN=${cn}`,
      ...extensions.flatMap((e) => ['-addext', e]),
      '-keyout',
      p('key.pem'),
      '-out',
      p('cert.pem'),
    ]);
    if (r.status !== 0) throw new Error(r.stderr);
    return { certPem: readFileSync(p('cert.pem'), 'utf8'), keyPem: readFileSync(p('key.pem'), 'utf8'), chainPem: '' };
  });
}

/** The core's own verdict: does it refuse this CA as the issuer for `purpose`? */
async function coreRefuses(ca: CaMaterial, purpose: IssuerPurpose): Promise<boolean> {
  try {
    if (purpose === 'sub-ca')
      await createIntermediateCa({ subject: { commonName: 'Judge intermediate' }, days: 5 }, ca);
    else await issueLeaf({ profile: 'client', commonName: 'judge-client', days: 1 }, ca);
    return false;
  } catch (e) {
    if (isPkiError(e) && e.field === 'issuer') return true;
    throw e;
  }
}

const DAY = 86_400_000;
const cases: Record<string, CaMaterial> = {};

beforeAll(async () => {
  const root = await createRootCa({ subject: { commonName: 'Root' } });
  const rootMaterial = { certPem: root.certPem, keyPem: root.keyPem, chainPem: '' };
  const int0 = await createIntermediateCa({ subject: { commonName: 'Issuing, path length 0' } }, rootMaterial);
  const int1 = await createIntermediateCa(
    { subject: { commonName: 'Policy, path length 1' }, pathLength: 1 },
    rootMaterial,
  );
  const expired = await createRootCa({
    subject: { commonName: 'Expired' },
    notBefore: new Date(Date.now() - 3 * DAY).toISOString(),
    days: 1,
  });
  Object.assign(cases, {
    root: rootMaterial,
    'root with path length 0': {
      ...(await createRootCa({ subject: { commonName: 'Root 0' }, pathLength: 0 })),
      chainPem: '',
    },
    'intermediate with path length 0': { certPem: int0.certPem, keyPem: int0.keyPem, chainPem: int0.chainPem },
    'intermediate with path length 1': { certPem: int1.certPem, keyPem: int1.keyPem, chainPem: int1.chainPem },
    expired: { certPem: expired.certPem, keyPem: expired.keyPem, chainPem: '' },
    'CA without keyCertSign': await opensslSelfSigned('No keyCertSign', [
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,digitalSignature,cRLSign',
    ]),
    'not a CA': await opensslSelfSigned('Leaf', ['basicConstraints=critical,CA:FALSE']),
    'CA without KeyUsage at all': await opensslSelfSigned('No KeyUsage', ['basicConstraints=critical,CA:TRUE']),
  });
});

describe('issuerProblem predicts what the core refuses (regression: a path length 0 CA was offered for intermediates)', () => {
  const rows: { name: string; purpose: IssuerPurpose; want: RegExp | undefined }[] = [
    { name: 'root', purpose: 'leaf', want: undefined },
    { name: 'root', purpose: 'sub-ca', want: undefined },
    { name: 'root with path length 0', purpose: 'leaf', want: undefined },
    { name: 'root with path length 0', purpose: 'sub-ca', want: /^path length 0: it signs leaf certificates only$/ },
    { name: 'intermediate with path length 0', purpose: 'leaf', want: undefined },
    { name: 'intermediate with path length 0', purpose: 'sub-ca', want: /^path length 0/ },
    { name: 'intermediate with path length 1', purpose: 'sub-ca', want: undefined },
    { name: 'expired', purpose: 'leaf', want: /^expired on \d{4}-\d{2}-\d{2}$/ },
    { name: 'expired', purpose: 'sub-ca', want: /^expired on / },
    { name: 'CA without keyCertSign', purpose: 'leaf', want: /keyCertSign/ },
    { name: 'CA without keyCertSign', purpose: 'sub-ca', want: /keyCertSign/ },
    { name: 'CA without KeyUsage at all', purpose: 'sub-ca', want: undefined },
    { name: 'not a CA', purpose: 'leaf', want: /^not a CA certificate$/ },
  ];
  for (const row of rows) {
    it(`${row.name}, for a ${row.purpose}`, async () => {
      const ca = cases[row.name];
      if (!ca) throw new Error(`no case ${row.name}`);
      const problem = issuerProblem({ pem: ca.certPem, keyPem: ca.keyPem }, row.purpose);
      if (row.want) expect(problem).toMatch(row.want);
      else expect(problem).toBeUndefined();
      expect(await coreRefuses(ca, row.purpose)).toBe(problem !== undefined);
    });
  }

  it('a CA whose key is not in the workspace cannot sign anything', () => {
    const root = cases.root;
    if (!root) throw new Error('no root');
    for (const purpose of ['leaf', 'sub-ca'] as const)
      expect(issuerProblem({ pem: root.certPem }, purpose)).toBe('no private key in the workspace');
  });

  it('expiry is judged at the time given', () => {
    const root = cases.root;
    if (!root) throw new Error('no root');
    expect(
      issuerProblem({ pem: root.certPem, keyPem: root.keyPem }, 'leaf', new Date(Date.now() + 20 * 365 * DAY)),
    ).toMatch(/^expired on /);
  });

  it('damaged PEM is named, not thrown', () => {
    expect(
      issuerProblem({ pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', keyPem: 'K' }, 'leaf'),
    ).toBe('its certificate cannot be read');
    expect(issuerProblem({ pem: 'not PEM', keyPem: 'K' }, 'sub-ca')).toBe('its certificate cannot be read');
  });
});
