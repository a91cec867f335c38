import { describe, expect, it } from 'vitest';
import { mlDsaClientRefusal, mlDsaMinimum, mlDsaStackText } from './support.ts';

describe('ML-DSA support by stack', () => {
  const rows: { client: string; want: RegExp | undefined }[] = [
    { client: 'rfc5280', want: undefined },
    { client: 'webpki', want: undefined },
    { client: 'openssl', want: /OpenSSL ≥ 3\.5 \(Node\.js ≥ 24/ },
    { client: 'python', want: /OpenSSL ≥ 3\.5/ },
    { client: 'java', want: /JDK ≥ 24/ },
    { client: 'go', want: /Go: not yet/ },
  ];
  for (const row of rows) {
    it(row.client, () => {
      const got = mlDsaClientRefusal(row.client);
      if (row.want) expect(got).toMatch(row.want);
      else expect(got).toBeUndefined();
    });
  }
  it('one sentence for Inspect', () => {
    expect(mlDsaStackText()).toBe('OpenSSL ≥ 3.5, Node.js ≥ 24, JDK ≥ 24, rustls-webpki ≥ 0.103.14; Go: not yet (crypto/x509 has no ML-DSA)');
    expect(mlDsaMinimum('webpki')).toBe('rustls-webpki ≥ 0.103.14');
  });
});
