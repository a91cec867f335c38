import { describe, expect, it } from 'vitest';
import { checkSans, parseSans, sanFromCommonName, sanProblemsText, withCommonNameSan, type SanEntry } from './san.ts';
import { PkiError } from './errors.ts';

const dns = (value: string): SanEntry => ({ kind: 'dns', value });
const ip = (value: string): SanEntry => ({ kind: 'ip', value });

describe('parseSans: good input', () => {
  const rows: { name: string; input: string; want: SanEntry[] }[] = [
    { name: 'empty', input: '  \n ', want: [] },
    { name: 'one DNS name, lower-cased', input: 'Node1.Example.COM', want: [dns('node1.example.com')] },
    { name: 'trailing dot dropped', input: 'node1.example.', want: [dns('node1.example')] },
    { name: 'single-label host', input: 'localhost', want: [dns('localhost')] },
    { name: 'wildcard', input: '*.svc.cluster.local', want: [dns('*.svc.cluster.local')] },
    { name: 'IDN to A-label', input: 'bücher.example', want: [dns('xn--bcher-kva.example')] },
    { name: 'IDN wildcard', input: '*.münchen.de', want: [dns('*.xn--mnchen-3ya.de')] },
    { name: 'IPv4', input: '10.0.0.1', want: [ip('10.0.0.1')] },
    { name: 'IPv6 canonicalised', input: '2001:DB8:0:0:0:0:0:1', want: [ip('2001:db8::1')] },
    { name: 'IPv6 longest zero run', input: '2001:0:0:1:0:0:0:1', want: [ip('2001:0:0:1::1')] },
    {
      name: 'IPv6 single zero group not compressed',
      input: '2001:db8:0:1:1:1:1:1',
      want: [ip('2001:db8:0:1:1:1:1:1')],
    },
    { name: 'IPv6 loopback', input: '::1', want: [ip('::1')] },
    { name: 'IPv6 in brackets', input: '[fe80::0001]', want: [ip('fe80::1')] },
    { name: 'IPv4-mapped IPv6', input: '::FFFF:10.0.0.1', want: [ip('::ffff:10.0.0.1')] },
    { name: 'email', input: 'ops@Example.com', want: [{ kind: 'email', value: 'ops@example.com' }] },
    {
      name: 'SPIFFE URI',
      input: 'spiffe://cluster.local/ns/db/sa/scylla',
      want: [{ kind: 'uri', value: 'spiffe://cluster.local/ns/db/sa/scylla' }],
    },
    {
      name: 'urn URI',
      input: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
      want: [{ kind: 'uri', value: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' }],
    },
    {
      name: 'prefixes any case',
      input: 'dns:a.example,IP:10.0.0.2,Email:x@y.example,uri:https://a.example/',
      want: [
        dns('a.example'),
        ip('10.0.0.2'),
        { kind: 'email', value: 'x@y.example' },
        { kind: 'uri', value: 'https://a.example/' },
      ],
    },
    {
      name: 'DNS: prefix forces DNS for a digit-led name',
      input: 'DNS:1password.example',
      want: [dns('1password.example')],
    },
    {
      name: 'mixed separators',
      input: 'a.example, b.example\n10.0.0.3\t c.example;d.example',
      want: [dns('a.example'), dns('b.example'), ip('10.0.0.3'), dns('c.example'), dns('d.example')],
    },
    {
      name: 'openssl -text paste',
      input: 'DNS:node1, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1',
      want: [dns('node1'), ip('10.0.0.1'), ip('::1')],
    },
    { name: 'space after prefix', input: 'DNS: a.example IP: 10.0.0.9', want: [dns('a.example'), ip('10.0.0.9')] },
    {
      name: 'duplicates dropped',
      input: 'a.example A.EXAMPLE 10.0.0.1 IP:10.0.0.1',
      want: [dns('a.example'), ip('10.0.0.1')],
    },
  ];
  for (const row of rows) it(row.name, () => expect(parseSans(row.input)).toEqual(row.want));
});

describe('parseSans: bad input names the entry', () => {
  const rows: { name: string; input: string; wantError: string }[] = [
    {
      name: 'IPv4 octet out of range',
      input: 'a.example 10.0.0.300',
      wantError: '"10.0.0.300" is not an IPv4 or IPv6 address',
    },
    { name: 'three-part dotted number', input: '10.0.1', wantError: '"10.0.1" is not an IPv4 or IPv6 address' },
    {
      name: 'leading zero (octal ambiguity)',
      input: 'IP:010.0.0.1',
      wantError: '"IP:010.0.0.1" is not an IPv4 or IPv6 address',
    },
    { name: 'IP: prefix on a name', input: 'IP:node1', wantError: '"IP:node1" is not an IPv4 or IPv6 address' },
    { name: 'bad IPv6', input: '2001:db8::1::2', wantError: '"2001:db8::1::2" is not an IPv4 or IPv6 address' },
    { name: 'IPv6 too many groups', input: '1:2:3:4:5:6:7:8:9', wantError: 'is not an IPv4 or IPv6 address' },
    { name: 'unknown SAN kind', input: 'foo:bar', wantError: '"foo:bar" has an unknown kind "foo"' },
    {
      name: 'unsupported openssl kind',
      input: 'RID:1.2.3.4',
      wantError: '"RID:1.2.3.4" has a SAN kind certbench does not issue',
    },
    {
      name: 'underscore in DNS name',
      input: 'my_host.example',
      wantError: '"my_host.example" is not a valid DNS name',
    },
    { name: 'label starting with hyphen', input: '-a.example', wantError: '"-a.example" is not a valid DNS name' },
    {
      name: 'partial wildcard',
      input: 'f*o.example',
      wantError: '"f*o.example" has a wildcard that is not a whole leftmost label',
    },
    { name: 'wildcard over TLD', input: '*.com', wantError: '"*.com" is a wildcard over a top-level domain' },
    { name: 'label over 63', input: `${'a'.repeat(64)}.example`, wantError: 'is not a valid DNS name' },
    { name: 'empty label', input: 'a..example', wantError: '"a..example" is not a valid DNS name' },
    { name: 'email without domain', input: 'ops@', wantError: '"ops@" is not an email address' },
    { name: 'email with non-ASCII local part', input: 'jörg@example.com', wantError: 'must be plain ASCII' },
    { name: 'URI prefix on a non-URI', input: 'URI:not a uri', wantError: '"URI:not" is not a URI' },
    { name: 'empty value after prefix', input: 'DNS:', wantError: '"DNS:" has no value after its prefix' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      let caught: unknown;
      try {
        parseSans(row.input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PkiError);
      const e = caught as PkiError;
      expect(e.code).toBe('invalid-san');
      expect(e.field).toBe('sans');
      expect(e.message).toContain(row.wantError);
    });
  }
});

describe('checkSans: every bad entry, not just the first', () => {
  const rows: { name: string; input: string; wantSans: SanEntry[]; wantBad: string[]; wantText: string | undefined }[] =
    [
      {
        name: 'all good: nothing to say',
        input: 'a.example 10.0.0.1',
        wantSans: [dns('a.example'), ip('10.0.0.1')],
        wantBad: [],
        wantText: undefined,
      },
      {
        name: 'one bad entry: its own message',
        input: 'a.example 10.0.0.300',
        wantSans: [dns('a.example')],
        wantBad: ['10.0.0.300'],
        wantText: '"10.0.0.300" is not an IPv4 or IPv6 address',
      },
      {
        name: 'two bad entries around a good one: both named, in order typed',
        input: 'my_host.example, node1, 999.1.1.1',
        wantSans: [dns('node1')],
        wantBad: ['my_host.example', '999.1.1.1'],
        wantText:
          '2 entries are not valid: "my_host.example" is not a valid DNS name (label "my_host": letters, digits and inner hyphens, 1 to 63 characters); "999.1.1.1" is not an IPv4 or IPv6 address.',
      },
      {
        name: 'the same bad entry twice is named once',
        input: 'f*o.example f*o.example DNS:',
        wantSans: [],
        wantBad: ['f*o.example', 'DNS:'],
        wantText: undefined,
      },
      {
        name: 'good duplicates still dropped',
        input: 'a.example A.EXAMPLE bad_one',
        wantSans: [dns('a.example')],
        wantBad: ['bad_one'],
        wantText: undefined,
      },
    ];
  for (const row of rows) {
    it(row.name, () => {
      const got = checkSans(row.input);
      expect(got.sans).toEqual(row.wantSans);
      expect(got.problems.map((p) => p.entry)).toEqual(row.wantBad);
      for (const p of got.problems) {
        expect(p.error).toBeInstanceOf(PkiError);
        expect(p.error.code).toBe('invalid-san');
        expect(p.error.message).toContain(`"${p.entry}"`);
      }
      if (row.wantText !== undefined) expect(sanProblemsText(got.problems)).toBe(row.wantText);
      if (row.wantBad.length === 0) expect(sanProblemsText(got.problems)).toBeUndefined();
      if (row.wantBad.length > 1)
        expect(sanProblemsText(got.problems)).toMatch(new RegExp(`^${row.wantBad.length} entries are not valid: `));
    });
  }

  it('parseSans still throws the first bad entry, and agrees with checkSans on good input', () => {
    expect(() => parseSans('my_host.example 999.1.1.1')).toThrow('"my_host.example" is not a valid DNS name');
    const text = 'a.example, 10.0.0.1, IP Address:0:0:0:0:0:0:0:1, ops@example.com';
    expect(checkSans(text)).toEqual({ sans: parseSans(text), problems: [] });
  });
});

describe('CN to SAN', () => {
  const rows: { name: string; input: string; want: SanEntry | undefined }[] = [
    { name: 'host name', input: 'Node1.example', want: dns('node1.example') },
    { name: 'IPv4', input: '10.0.0.7', want: ip('10.0.0.7') },
    { name: 'IPv6', input: '2001:db8:0::5', want: ip('2001:db8::5') },
    { name: 'a person, not a host', input: 'Cluster admin', want: undefined },
    { name: 'bad IP is not a host', input: '10.0.0.300', want: undefined },
    { name: 'email-like CN', input: 'ops@example.com', want: undefined },
  ];
  for (const row of rows) it(row.name, () => expect(sanFromCommonName(row.input)).toEqual(row.want));

  it('puts the CN first and never twice', () => {
    expect(withCommonNameSan('node1', [ip('10.0.0.1'), dns('node1')])).toEqual([ip('10.0.0.1'), dns('node1')]);
    expect(withCommonNameSan('node1', [ip('10.0.0.1')])).toEqual([dns('node1'), ip('10.0.0.1')]);
  });
});
