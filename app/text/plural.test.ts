import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

const rows: { name: string; input: [number, string, string?]; want: string }[] = [
  { name: 'one is singular', input: [1, 'day'], want: '1 day' },
  { name: 'two is plural', input: [2, 'day'], want: '2 days' },
  { name: 'zero is plural', input: [0, 'node'], want: '0 nodes' },
  { name: 'minus one is plural', input: [-1, 'day'], want: '-1 days' },
  { name: 'a fraction is plural', input: [1.5, 'day'], want: '1.5 days' },
  { name: 'an irregular plural, one', input: [1, 'entry', 'entries'], want: '1 entry' },
  { name: 'an irregular plural, many', input: [3, 'entry', 'entries'], want: '3 entries' },
  { name: 'a noun of several words', input: [2, 'revoked certificate'], want: '2 revoked certificates' },
];

describe('plural', () => {
  for (const row of rows) it(row.name, () => expect(plural(...row.input)).toBe(row.want));
});
