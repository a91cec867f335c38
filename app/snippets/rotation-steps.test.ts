/** The rolling-rotation guide: every target spells out its three phases with the real file paths. */
import { describe, expect, it } from 'vitest';
import { ROTATION_TARGETS, rotationGuide } from './rotation-steps.ts';

const paths = { oldCaDir: 'pki/ca', newCaDir: 'pki/ca2/', crossSigned: false };

describe('rotation steps', () => {
  const rows = [
    {
      id: 'scylladb',
      trustBoth: /truststore:.*pki\/ca2\/trust-bundle\.crt|pki\/ca2\/trust-bundle\.crt.*truststore:/s,
      dropOld: /pki\/ca2\/ca\.crt/,
    },
    { id: 'cassandra', trustBoth: /truststore:.*pki\/ca2\/trust-bundle\.crt/s, dropOld: /pki\/ca2\/ca\.crt/ },
    { id: 'casty', trustBoth: /cafile="pki\/ca2\/trust-bundle\.crt"/, dropOld: /cafile to pki\/ca2\/ca\.crt/ },
    { id: 'kubernetes', trustBoth: /ca\.crt=pki\/ca2\/trust-bundle\.crt/, dropOld: /ca\.crt=pki\/ca2\/ca\.crt/ },
  ];
  for (const row of rows) {
    it(`${row.id}: trust both, re-issue under the new CA, then trust the new CA alone`, () => {
      const target = ROTATION_TARGETS.find((t) => t.id === row.id);
      if (!target) throw new Error(`no target ${row.id}`);
      const ph = target.phases(paths);
      expect(ph.trustBoth.join('\n')).toMatch(row.trustBoth);
      expect(ph.reissue.join('\n')).toMatch(/certbench renew batch nodes\.txt --from nodes\/ --ca-dir pki\/ca2\//);
      expect(ph.dropOld.join('\n')).toMatch(row.dropOld);
    });
  }

  it('the guide names the cross-signed certificate only when there is one', () => {
    expect(rotationGuide(paths)).not.toMatch(/cross-signed\.crt/);
    expect(rotationGuide({ ...paths, crossSigned: true })).toMatch(/pki\/ca2\/cross-signed\.crt/);
  });

  it("ScyllaDB's CRL key keeps ScyllaDB's spelling", () => {
    expect(rotationGuide(paths)).toContain('certficate_revocation_list');
  });
});
