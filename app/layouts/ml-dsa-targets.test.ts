import { describe, expect, it } from 'vitest';
import { LAYOUT_IDS, type LayoutId } from './layout-ids.ts';
import { assertLayoutTakesKey, mlDsaRefusal } from './ml-dsa-targets.ts';
import { keyFamily } from './key-family.ts';
import { createRootCa } from '../pki/ca.ts';

describe('targets that cannot use ML-DSA are refused before issuing', () => {
  const refused: LayoutId[] = ['cassandra', 'scylla'];
  for (const layout of LAYOUT_IDS) {
    const want = refused.includes(layout);
    it(`${layout}: ML-DSA ${want ? 'refused' : 'allowed'}, ECDSA allowed`, () => {
      expect(mlDsaRefusal(layout, 'ml-dsa') !== undefined).toBe(want);
      expect(mlDsaRefusal(layout, 'ec')).toBeUndefined();
      if (want)
        expect(() => assertLayoutTakesKey(layout, 'ml-dsa', 'keyAlgorithm')).toThrow(
          /cannot use ML-DSA certificates.*Choose ECDSA/,
        );
    });
  }
  it('names Java 17 and the JDK version that can (Cassandra)', () => {
    expect(mlDsaRefusal('cassandra', 'ml-dsa')).toMatch(/Java 17.*JDK ≥ 24/);
  });
});

describe('keyFamily reads ML-DSA PKCS#8 keys', () => {
  for (const alg of ['mldsa44', 'mldsa65', 'mldsa87'] as const) {
    it(alg, async () => {
      const ca = await createRootCa({ subject: { commonName: 'k' }, algorithm: alg });
      expect(keyFamily(ca.keyPem)).toBe('ml-dsa');
    });
  }
});
