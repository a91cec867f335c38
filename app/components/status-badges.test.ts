import { describe, expect, it } from 'vitest';
import { daysText } from './status-badges.tsx';

describe('daysText', () => {
  const rows: [number | undefined, string][] = [
    [0, '0 days'],
    [1, '1 day'],
    [2, '2 days'],
    [29, '29 days'],
    [undefined, '? days'],
  ];
  for (const [days, want] of rows) it(`${String(days)} → ${want}`, () => expect(daysText(days)).toBe(want));
});
