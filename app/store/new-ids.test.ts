import { describe, expect, it } from 'vitest';
import { newId, newIds } from './types.ts';

describe('newIds', () => {
  // 5,461 ids fill one getRandomValues call (65,536 bytes at 12 a id); one more needs a second call.
  for (const count of [0, 1, 3, 5461, 5462, 12000])
    it(`makes ${count} distinct 24-digit hex ids`, () => {
      const ids = newIds(count);
      expect(ids).toHaveLength(count);
      expect(ids.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(count);
    });
  it('newId makes one of the same shape', () => {
    expect(newId()).toMatch(/^[0-9a-f]{24}$/);
  });
});
