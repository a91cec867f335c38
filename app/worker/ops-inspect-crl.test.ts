/**
 * A CRL dropped into Inspect with the certificates takes part in each leaf's diagnosis, as
 * `openssl verify -crl_check` decides for the same files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { INSPECT_OPS } from './ops-inspect.ts';
import { opensslCaWithRevokedLeaf, type OpensslCa } from '../test/judges/openssl-ca.ts';
import { run } from '../test/judges/tools.ts';

let ca: OpensslCa;

beforeAll(() => {
  ca = opensslCaWithRevokedLeaf();
});

afterAll(() => ca.remove());

describe('INSPECT_OPS.inspect with a CRL among the inputs', () => {
  for (const row of [
    { leaf: 'revoked-leaf', valid: false, codes: ['revoked'] },
    { leaf: 'good-leaf', valid: true, codes: [] },
  ]) {
    it(`${row.leaf}: ${row.valid ? 'valid' : 'revoked'}, as openssl verify -crl_check says`, async () => {
      const text = (name: string) => readFileSync(ca.path(name), 'utf8');
      const report = await INSPECT_OPS.inspect({
        inputs: [
          { name: 'leaf.crt', data: text(`${row.leaf}.crt`) },
          { name: 'ca.crt', data: text('ca.crt') },
          { name: 'crl.der', data: new Uint8Array(readFileSync(ca.path('crl.der'))) },
        ],
      });
      expect(report.items.map((i) => i.kind).sort()).toEqual(['certificate', 'certificate', 'crl']);
      const [d] = report.diagnoses;
      expect(d?.valid).toBe(row.valid);
      expect((d?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(row.codes);
      const judge = run('openssl', [
        'verify',
        '-crl_check',
        '-CAfile',
        ca.path('ca.crt'),
        '-CRLfile',
        ca.path('crl.pem'),
        ca.path(`${row.leaf}.crt`),
      ]);
      expect(judge.status === 0).toBe(row.valid);
    });
  }
});
