import { describe, expect, it } from 'vitest';
import { mlDsaMinimum, mlDsaStackText } from './support.ts';

describe('ML-DSA support by stack', () => {
  const rows: { id: Parameters<typeof mlDsaMinimum>[0]; want: string }[] = [
    { id: 'openssl', want: 'OpenSSL ≥ 3.5' },
    { id: 'node', want: 'Node.js ≥ 24' },
    { id: 'java', want: 'JDK ≥ 24' },
    { id: 'webpki', want: 'rustls-webpki ≥ 0.103.14' },
    { id: 'go', want: 'Go: not yet (crypto/x509 has no ML-DSA)' },
  ];
  for (const row of rows) {
    it(row.id, () => {
      expect(mlDsaMinimum(row.id)).toBe(row.want);
    });
  }
  it('one sentence for Inspect and the validator', () => {
    expect(mlDsaStackText()).toBe(
      'OpenSSL ≥ 3.5, Node.js ≥ 24, JDK ≥ 24, rustls-webpki ≥ 0.103.14; Go: not yet (crypto/x509 has no ML-DSA)',
    );
  });
});
