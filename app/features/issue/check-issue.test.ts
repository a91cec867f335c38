import { describe, expect, it } from 'vitest';
import type { LeafProfile } from '../../worker/pki-contract.ts';
import { commonNameError } from './check-issue.ts';
import { addedSanPreview, leafSansError as sansError } from '../issuing/leaf-sans-check.ts';

describe('Issue form checks, as typed', () => {
  const rows: {
    name: string;
    input: { cn: string; sans: string; profile: LeafProfile };
    want: { cn: boolean; sans: RegExp | undefined };
  }[] = [
    {
      name: 'host CN and no SANs is fine for a node',
      input: { cn: 'node1.example', sans: '', profile: 'node' },
      want: { cn: false, sans: undefined },
    },
    {
      name: 'client with a person-like CN needs no SAN',
      input: { cn: 'Cluster admin', sans: '', profile: 'client' },
      want: { cn: false, sans: undefined },
    },
    {
      name: 'server with a CN that is not a host needs a SAN',
      input: { cn: 'My server', sans: '', profile: 'server' },
      want: { cn: false, sans: /at least one DNS name or IP/ },
    },
    {
      name: 'a bad IP is named',
      input: { cn: 'n1', sans: '10.0.0.1, 10.0.0.300', profile: 'node' },
      want: { cn: false, sans: /"10\.0\.0\.300"/ },
    },
    {
      name: 'an IPv6 CN counts as the SAN (regression: a host-only pattern refused it)',
      input: { cn: 'fd00::1', sans: '', profile: 'server' },
      want: { cn: false, sans: undefined },
    },
    {
      name: 'every bad SAN is named, not only the first (regression: "10.0.0.300" hid "my_host")',
      input: { cn: 'n1', sans: '10.0.0.300, node1.example, my_host', profile: 'node' },
      want: {
        cn: false,
        sans: /^2 entries are not valid: "10\.0\.0\.300" is not an IPv4 or IPv6 address; "my_host" is not a valid DNS name/,
      },
    },
    {
      name: 'bad SANs are named even for a client with no SAN needed',
      input: { cn: 'Cluster admin', sans: 'ops@, URI:x', profile: 'client' },
      want: { cn: false, sans: /^2 entries are not valid: "ops@".*; "URI:x" is not a URI/ },
    },
    { name: 'empty CN', input: { cn: '  ', sans: 'n1', profile: 'node' }, want: { cn: true, sans: undefined } },
    {
      name: 'CN over 64 characters',
      input: { cn: 'a'.repeat(65), sans: 'n1', profile: 'node' },
      want: { cn: true, sans: undefined },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(commonNameError(row.input.cn) !== undefined).toBe(row.want.cn);
      const sans = sansError(row.input.sans, row.input.profile, row.input.cn);
      if (row.want.sans) expect(sans).toMatch(row.want.sans);
      else expect(sans).toBeUndefined();
    });
  }
});

describe('Issue and Sign CSR: what the profile adds from the CN, said before signing', () => {
  const rows: { name: string; input: { cn: string; sans: string; profile: LeafProfile }; want: string | undefined }[] =
    [
      { name: 'node, host CN, no SANs', input: { cn: 'db1', sans: '', profile: 'node' }, want: 'DNS:db1' },
      { name: 'server, IP CN', input: { cn: '10.0.0.9', sans: 'db.example', profile: 'server' }, want: 'IP:10.0.0.9' },
      {
        name: 'node, CN already among the SANs',
        input: { cn: 'db1', sans: 'DNS:db1', profile: 'node' },
        want: undefined,
      },
      { name: 'client: nothing is added', input: { cn: 'alice', sans: '', profile: 'client' }, want: undefined },
      { name: 'node, CN not a host name', input: { cn: 'My server', sans: 'db1', profile: 'node' }, want: undefined },
      {
        name: 'bad SANs: the error speaks, not the preview',
        input: { cn: 'db1', sans: '10.0.0.300', profile: 'node' },
        want: undefined,
      },
    ];
  for (const row of rows)
    it(row.name, () => {
      const got = addedSanPreview(row.input.sans, row.input.profile, row.input.cn);
      if (row.want)
        expect(got).toBe(`${row.want} (the common name) will be added: TLS clients match the SANs, not the CN.`);
      else expect(got).toBeUndefined();
    });
});
