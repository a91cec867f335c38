// Simple SANs (simple-sans.ts) are what checkSans makes of them: a node line read on the short
// path has the entries the general parser would give it, and anything else is left to that parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSans, sanFromCommonName, type SanEntry } from './san.ts';
import { simpleSan, simpleSans } from './simple-sans.ts';
import { lineSans } from './batch-lines.ts';
import { profileSans } from './issue.ts';
import { PkiError } from './errors.ts';
import type { LeafProfile } from './profiles.ts';

const label = (n: number) => 'a'.repeat(n);
const rows: { name: string; token: string; want?: SanEntry }[] = [
  { name: 'IPv4', token: '10.0.0.1', want: { kind: 'ip', value: '10.0.0.1' } },
  { name: 'IPv4 at the top of each octet', token: '255.255.255.255', want: { kind: 'ip', value: '255.255.255.255' } },
  { name: 'IPv4 of zeros', token: '0.0.0.0', want: { kind: 'ip', value: '0.0.0.0' } },
  { name: 'IPv4 with a leading zero', token: '010.0.0.1' },
  { name: 'IPv4 octet over 255', token: '256.0.0.1' },
  { name: 'three octets', token: '1.2.3' },
  { name: 'five octets', token: '1.2.3.4.5' },
  { name: 'DNS name', token: 'node-1.cluster.example', want: { kind: 'dns', value: 'node-1.cluster.example' } },
  { name: 'single label', token: 'node-1', want: { kind: 'dns', value: 'node-1' } },
  { name: 'A-label', token: 'xn--bcher-kva.example', want: { kind: 'dns', value: 'xn--bcher-kva.example' } },
  { name: 'hex-looking last label (no URL parser for ASCII)', token: 'a.0x1', want: { kind: 'dns', value: 'a.0x1' } },
  { name: 'upper case', token: 'Node-1.example' },
  { name: 'digits-only last label', token: 'node.123' },
  { name: 'digits only', token: '123' },
  { name: 'leading hyphen', token: '-node' },
  { name: 'trailing hyphen', token: 'node-' },
  { name: 'trailing dot', token: 'node.example.' },
  { name: 'empty label', token: 'a..b' },
  { name: 'underscore', token: 'node_1' },
  { name: '63-character label', token: `${label(63)}.example`, want: { kind: 'dns', value: `${label(63)}.example` } },
  { name: '64-character label', token: `${label(64)}.example` },
  {
    name: '253 characters',
    token: [label(63), label(63), label(63), label(61)].join('.'),
    want: { kind: 'dns', value: [label(63), label(63), label(63), label(61)].join('.') },
  },
  { name: '254 characters', token: [label(63), label(63), label(63), label(62)].join('.') },
  { name: 'wildcard', token: '*.example' },
  { name: 'prefixed', token: 'DNS:node-1' },
  { name: 'IPv6', token: '::1' },
  { name: 'email', token: 'a@b.example' },
  { name: 'URI', token: 'spiffe://a/b' },
  { name: 'non-ASCII', token: 'bücher.example' },
];

describe('simpleSan', () => {
  for (const row of rows)
    it(`${row.name}: ${row.want ? 'simple' : 'left to checkSans'}`, () => {
      expect(simpleSan(row.token)).toEqual(row.want);
      if (row.want) expect(checkSans(row.token)).toEqual({ sans: [row.want], problems: [] });
    });
});

const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '007'));
const dnsLabel = fc.string({ unit: fc.constantFrom(...'abz09-'.split('')), minLength: 1, maxLength: 8 });
const token = fc.oneof(
  fc.array(octet, { minLength: 3, maxLength: 5 }).map((o) => o.join('.')),
  fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')),
  fc.string({ unit: fc.constantFrom(...'aZ09.-_:*@[]/x'.split('')), maxLength: 12 }),
  fc.constantFrom('', '::1', 'DNS:a', 'IP:10.0.0.1', 'a.0x1', 'node.123', `${'a'.repeat(64)}.b`),
);

describe('simpleSans', () => {
  it('over generated lines: the short path gives checkSans' + "'s entries, or leaves the line to it", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (tokens) => {
        const simple = simpleSans(tokens);
        if (simple) expect(checkSans(tokens.join(' '))).toEqual({ sans: simple, problems: [] });
        else expect(tokens.some((t) => t && !simpleSan(t))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('drops duplicates in order and skips empty tokens, as checkSans does', () => {
    expect(simpleSans(['a', '', '10.0.0.1', 'a', 'b'])).toEqual([
      { kind: 'dns', value: 'a' },
      { kind: 'ip', value: '10.0.0.1' },
      { kind: 'dns', value: 'b' },
    ]);
  });
});

// A node's name is read as its CN's SAN on the same short path (batch.ts lineSans): wherever the
// name is simple, sanFromCommonName gives the same entry, and the line's SANs equal profileSans's.
const nodeName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZz09.-_x'.split('')), minLength: 1, maxLength: 20 }),
  fc.array(octet, { minLength: 3, maxLength: 5 }).map((o) => o.join('.')),
  fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')),
  fc.constantFrom('0x7f', 'a.0x1', '1.2.3.4', '01.2.3.4', '123', 'node-1', 'Node-1', 'node_1', `${'a'.repeat(63)}`),
);

/** A SAN reader's answer: its entries, or the message of the PkiError it refused with. */
function outcome(read: typeof lineSans, profile: LeafProfile, name: string, sans: SanEntry[]): SanEntry[] | string {
  try {
    return read(profile, name, sans);
  } catch (e) {
    return e instanceof PkiError ? e.message : 'other';
  }
}

describe('a node name as its own SAN (lineSans)', () => {
  it('over generated names: a simple name is the entry sanFromCommonName makes of it', () => {
    fc.assert(
      fc.property(nodeName, (name) => {
        const simple = simpleSan(name);
        if (simple) expect(sanFromCommonName(name)).toEqual(simple);
      }),
      { numRuns: 3000 },
    );
  });

  const lines: { name: string; tokens: string[] }[] = [
    { name: 'node-1', tokens: ['10.0.0.1'] },
    { name: 'node-1', tokens: ['10.0.0.1', 'node-1'] },
    { name: '10.0.0.1', tokens: ['node-1.example', '10.0.0.1'] },
    { name: 'Node-1', tokens: ['10.0.0.1'] },
    { name: 'node_1', tokens: [] },
    { name: '123', tokens: ['a.example'] },
  ];
  for (const row of lines)
    it(`${row.name} [${row.tokens.join(' ')}]: lineSans equals profileSans for every profile`, () => {
      for (const profile of ['node', 'server', 'client'] as const) {
        const sans = simpleSans(row.tokens)!;
        expect(outcome(lineSans, profile, row.name, sans)).toEqual(outcome(profileSans, profile, row.name, sans));
      }
    });

  it('over generated names and SAN lists: lineSans equals profileSans for every profile', () => {
    fc.assert(
      fc.property(
        nodeName,
        fc.array(fc.oneof(token, nodeName), { maxLength: 4 }),
        fc.constantFrom<LeafProfile>('node', 'server', 'client'),
        (name, tokens, profile) => {
          const sans = simpleSans(tokens);
          if (!sans) return;
          expect(outcome(lineSans, profile, name, sans)).toEqual(outcome(profileSans, profile, name, sans));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
