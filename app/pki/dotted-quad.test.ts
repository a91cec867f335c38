// The batch fast path's own IPv4 reader (dotted-quad.ts dottedQuadOctets) reads exactly the
// canonical dotted quads parseIp reads, to the same octets, and leaves everything else to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIp } from './ip.ts';
import { dottedQuadOctets } from './dotted-quad.ts';

const rows: { text: string; want?: number[] }[] = [
  { text: '10.0.0.1', want: [10, 0, 0, 1] },
  { text: '0.0.0.0', want: [0, 0, 0, 0] },
  { text: '255.255.255.255', want: [255, 255, 255, 255] },
  { text: '192.168.100.7', want: [192, 168, 100, 7] },
  { text: '256.0.0.1' },
  { text: '01.0.0.1' },
  { text: '1.2.3' },
  { text: '1.2.3.4.5' },
  { text: '1.2.3.4.' },
  { text: '.1.2.3.4' },
  { text: '1..2.3' },
  { text: '' },
  { text: '1.2.3.a' },
  { text: '::ffff:1.2.3.4' },
  { text: '1000.2.3.4' },
];

describe('dottedQuadOctets', () => {
  for (const row of rows)
    it(`${JSON.stringify(row.text)}: ${row.want ? row.want.join('.') : 'left to parseIp'}`, () => {
      const got = dottedQuadOctets(row.text);
      expect(got && [...got]).toEqual(row.want);
      if (row.want) expect([...(parseIp(row.text)?.bytes ?? [])]).toEqual(row.want);
    });

  it('over generated text: the octets parseIp gives for a canonical IPv4, else nothing', () => {
    const text = fc.oneof(
      fc
        .array(fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '', 'x')), {
          minLength: 2,
          maxLength: 5,
        })
        .map((p) => p.join('.')),
      fc.string({ unit: fc.constantFrom(...'0123456789.:'.split('')), maxLength: 16 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const ip = parseIp(t);
        const canonical = ip?.version === 4 && ip.text === t;
        const got = dottedQuadOctets(t);
        expect(got && [...got]).toEqual(canonical ? [...ip.bytes] : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
