/**
 * The lifecycle operations as the browser will call them (no view): revoke and publish a CRL
 * that openssl checks, renew a leaf and a cluster, rotate the CA; openssl judges each result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { run, withFiles } from '../test/judges/tools.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { OPS } from './ops.ts';
import type { IssuerInput } from './pki-contract.ts';

let ca: IssuerInput;
let good: string;
let revoked: string;
let node: string;

beforeAll(async () => {
  const made = await OPS.createCa({ subject: { commonName: 'Ops Root' }, keyAlgorithm: 'p256', days: 365 });
  ca = { certPem: made.certPem, keyPem: made.keyPem ?? '' };
  const issue = async (profile: 'client' | 'node', commonName: string, sans: string) =>
    (await OPS.issueCertificate({ profile, commonName, sans, keyAlgorithm: 'p256', days: 90, issuer: ca })).certPem;
  good = await issue('client', 'good', 'good.example');
  revoked = await issue('client', 'revoked', 'revoked.example');
  node = await issue('node', 'db-1', '127.0.0.1');
}, 60_000);

describe('revokeCertificate and issueCrl', () => {
  it('a CRL openssl accepts, refusing the revoked client and accepting the other; the number goes up', async () => {
    const revocations = await OPS.revokeCertificate({
      certPem: revoked,
      caCertPem: ca.certPem,
      reason: 'cessationOfOperation',
    });
    const first = await OPS.issueCrl({ issuer: ca, revocations });
    const second = await OPS.issueCrl({ issuer: ca, revocations: first.revocations, days: 1 });
    expect([first.crlNumber, second.crlNumber, second.revocations.crlNumber]).toEqual([1, 2, 2]);
    await withFiles(
      { 'ca.crt': ca.certPem, 'crl.der': first.der, 'crl.pem': first.pem, 'good.crt': good, 'revoked.crt': revoked },
      (_d, p) => {
        expect(
          run('openssl', ['crl', '-inform', 'DER', '-in', p('crl.der'), '-CAfile', p('ca.crt'), '-verify', '-noout'])
            .status,
        ).toBe(0);
        const verify = (leaf: string) =>
          run('openssl', ['verify', '-crl_check', '-CAfile', p('ca.crt'), '-CRLfile', p('crl.pem'), p(leaf)]);
        expect(verify('good.crt').status).toBe(0);
        const refused = verify('revoked.crt');
        expect([refused.status === 0, /certificate revoked/.test(refused.stdout + refused.stderr)]).toEqual([
          false,
          true,
        ]);
      },
    );
  });

  it('an unknown reason is an error on reason', async () => {
    await expect(
      OPS.revokeCertificate({ certPem: good, caCertPem: ca.certPem, reason: 'bored' }),
    ).rejects.toMatchObject({ field: 'reason' });
  });
});

describe('renewCertificate, renewCluster and rotateCa', () => {
  it('renews with the same SANs and a new serial, and says which serial it replaces', async () => {
    const renewed = await OPS.renewCertificate({ certPem: node, issuer: ca });
    expect(renewed.meta.sans).toEqual([
      { kind: 'dns', value: 'db-1' },
      { kind: 'ip', value: '127.0.0.1' },
    ]);
    expect(renewed.meta.profile).toBe('node');
    expect(renewed.previousSerial).not.toBe(renewed.meta.serial?.toLowerCase());
    const v = await opensslVerify({ rootPem: ca.certPem, certPem: renewed.certPem, purpose: 'sslserver' });
    expect(v.ok, v.output).toBe(true);
  });

  it('renews a cluster member by member, by name', async () => {
    const renewed = await OPS.renewCluster({
      members: [
        { name: 'db-1', certPem: node },
        { name: 'good', certPem: good },
      ],
      issuer: ca,
    });
    expect(renewed.map((r) => [r.name, r.meta.profile])).toEqual([
      ['db-1', 'node'],
      ['good', 'client'],
    ]);
  });

  it('rotates: the old leaf and a leaf renewed under the new CA both verify against the bundle', async () => {
    const rotated = await OPS.rotateCa({ issuer: ca, crossSign: true });
    expect(rotated.ca.meta.profile).toBe('root');
    expect(rotated.crossSignedPem).toMatch(/BEGIN CERTIFICATE/);
    const next = { certPem: rotated.ca.certPem, keyPem: rotated.ca.keyPem ?? '' };
    const renewed = await OPS.renewCertificate({ certPem: node, issuer: next });
    for (const leaf of [node, renewed.certPem]) {
      const v = await opensslVerify({ rootPem: rotated.trustBundlePem, certPem: leaf, purpose: 'sslserver' });
      expect(v.ok, v.output).toBe(true);
    }
  });
});
