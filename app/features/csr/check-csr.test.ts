import { describe, expect, it } from 'vitest';
import { leafSansError } from '../issuing/leaf-sans-check.ts';

describe('Sign CSR: the SAN field checked as typed', () => {
  const rows: { name: string; input: string; want: RegExp | undefined }[] = [
    { name: 'what a request usually asks for', input: 'DNS:batch-worker.internal, IP:10.0.0.7', want: undefined },
    { name: 'empty: a client needs no SAN', input: '', want: undefined },
    {
      name: 'one bad entry, its own message',
      input: 'db-3.example, IP:10.0.0.300',
      want: /^"IP:10\.0\.0\.300" is not an IPv4 or IPv6 address$/,
    },
    {
      name: 'every bad entry is named (regression: only the first was, after pressing Sign)',
      input: 'db_3.example, db-3.example, 999.1.1.1, RID:1.2.3.4',
      want: /^3 entries are not valid: "db_3\.example" is not a valid DNS name \(label "db_3": [^;]*\); "999\.1\.1\.1" is not an IPv4 or IPv6 address; "RID:1\.2\.3\.4" has a SAN kind certbench does not issue \(.*\)\.$/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const got = leafSansError(row.input, 'client', 'requester');
      if (row.want) expect(got).toMatch(row.want);
      else expect(got).toBeUndefined();
    });
  }
});
