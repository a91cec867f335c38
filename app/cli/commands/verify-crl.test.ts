/**
 * `certbench verify --crl` over a CA run by `openssl ca`: a revoked leaf exits 1 with `revoked`,
 * a good one 0, as `openssl verify -crl_check` decides for the same files; a file without a CRL
 * is unusable input (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../testing/run-captured.ts';
import { opensslCaWithRevokedLeaf, type OpensslCa } from '../../test/judges/openssl-ca.ts';
import { run as runTool } from '../../test/judges/tools.ts';

let ca: OpensslCa;

beforeAll(() => {
  ca = opensslCaWithRevokedLeaf();
});

afterAll(() => ca.remove());

/** The CLI run in-process, as a script would see it. */
const certbench = runCaptured;

describe('certbench verify --crl', () => {
  for (const row of [
    { leaf: 'revoked-leaf', status: 1, codes: ['revoked'] },
    { leaf: 'good-leaf', status: 0, codes: [] },
  ]) {
    it(`${row.leaf}: exit ${row.status}, as openssl verify -crl_check says`, async () => {
      const r = await certbench([
        'verify',
        ca.path(`${row.leaf}.crt`),
        '--ca',
        ca.path('ca.crt'),
        '--crl',
        ca.path('crl.pem'),
        '--json',
      ]);
      expect(r.status).toBe(row.status);
      const report = JSON.parse(r.out) as { valid: boolean; findings: { code: string; severity: string }[] };
      expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(row.codes);
      const judge = runTool('openssl', [
        'verify',
        '-crl_check',
        '-CAfile',
        ca.path('ca.crt'),
        '-CRLfile',
        ca.path('crl.pem'),
        ca.path(`${row.leaf}.crt`),
      ]);
      expect(judge.status === 0).toBe(row.status === 0);
    });
  }

  it('the DER form of the CRL works the same', async () => {
    const r = await certbench([
      'verify',
      ca.path('revoked-leaf.crt'),
      '--ca',
      ca.path('ca.crt'),
      '--crl',
      ca.path('crl.der'),
    ]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/revoked/);
  });

  it('a --crl file that holds no CRL is unusable input, named by its flag', async () => {
    const r = await certbench([
      'verify',
      ca.path('good-leaf.crt'),
      '--ca',
      ca.path('ca.crt'),
      '--crl',
      ca.path('ca.crt'),
    ]);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/crl: .*ca\.crt: it holds no CRL/);
  });
});
