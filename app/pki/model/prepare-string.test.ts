// prepareString takes plain ASCII text straight to its lower case; it must prepare exactly what
// the full preparation (NFKC, lower case, trim, whitespace runs to one space) prepares, for that
// text and for everything else: spaces at the ends or doubled, tabs and line ends, compatibility
// characters NFKC changes (ligatures, full-width letters, the Kelvin sign), and non-ASCII text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareString } from './names.ts';

const full = (s: string) => s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');

const rows = [
  { input: 'Example CA', want: 'example ca' },
  { input: 'ACCVRAIZ1', want: 'accvraiz1' },
  { input: '  Example   CA ', want: 'example ca' },
  { input: 'Example\tCA\n', want: 'example ca' },
  { input: 'ﬁnance ＣＡ', want: 'finance ca' },
  { input: '\u212a', want: 'k' },
  { input: 'Zürich', want: 'zürich' },
  { input: '', want: '' },
];

describe('prepareString', () => {
  for (const row of rows) it(JSON.stringify(row.input), () => expect(prepareString(row.input)).toBe(row.want));

  it('prepares generated text as the full preparation does', () => {
    const unit = fc.constantFrom(...'aZ09 -._\t\n\u00a0ﬁＡ\u212aéß\u0301İ'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (s) => {
        expect(prepareString(s)).toBe(full(s));
      }),
      { numRuns: 5000 },
    );
  });
});
