// Every SAN shape the parser accepts, as openssl reads it back from an issued certificate.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa } from '../ca.ts';
import { issueLeaf, type IssuedLeaf } from '../issue.ts';
import { opensslCheckEmail, opensslCheckHost, opensslCheckIp, opensslText } from '../../test/judges/openssl.ts';

let leaf: IssuedLeaf;
beforeAll(async () => {
  const ca = await createRootCa({ subject: { commonName: 'SAN Root' } });
  leaf = await issueLeaf(
    {
      profile: 'server',
      commonName: 'Bücher.example',
      sans: 'DNS:*.Svc.Example, 2001:DB8:0:0::7 [::1] ::ffff:10.0.0.1 10.0.0.2, email:ops@Bücher.example URI:spiffe://cluster.example/ns/db/sa/scylla',
      days: 5,
    },
    ca,
  );
});

const rows: { name: string; input: { kind: 'host' | 'ip' | 'email'; value: string }; want: boolean }[] = [
  { name: 'IDN CN as A-label', input: { kind: 'host', value: 'xn--bcher-kva.example' }, want: true },
  { name: 'wildcard one label', input: { kind: 'host', value: 'db.svc.example' }, want: true },
  { name: 'wildcard not two labels', input: { kind: 'host', value: 'a.db.svc.example' }, want: false },
  { name: 'IPv6 written another way', input: { kind: 'ip', value: '2001:db8::7' }, want: true },
  { name: 'IPv6 loopback from brackets', input: { kind: 'ip', value: '::1' }, want: true },
  { name: 'IPv4-mapped IPv6', input: { kind: 'ip', value: '::ffff:10.0.0.1' }, want: true },
  { name: 'IPv4', input: { kind: 'ip', value: '10.0.0.2' }, want: true },
  { name: 'IPv4 not listed', input: { kind: 'ip', value: '10.0.0.3' }, want: false },
  { name: 'email with A-label domain', input: { kind: 'email', value: 'ops@xn--bcher-kva.example' }, want: true },
  { name: 'other email', input: { kind: 'email', value: 'dev@xn--bcher-kva.example' }, want: false },
];

describe('openssl reads back every SAN shape', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const check =
        row.input.kind === 'host' ? opensslCheckHost : row.input.kind === 'ip' ? opensslCheckIp : opensslCheckEmail;
      expect(await check(leaf.certPem, row.input.value)).toBe(row.want);
    });
  }
  it('lists them in order, URI included', async () => {
    const text = await opensslText(leaf.certPem);
    expect(text).toContain(
      'DNS:xn--bcher-kva.example, DNS:*.svc.example, IP Address:2001:DB8:0:0:0:0:0:7, IP Address:0:0:0:0:0:0:0:1, IP Address:0:0:0:0:0:FFFF:A00:1, IP Address:10.0.0.2, email:ops@xn--bcher-kva.example, URI:spiffe://cluster.example/ns/db/sa/scylla',
    );
  });
});
