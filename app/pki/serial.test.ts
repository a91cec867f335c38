// A batch's serials drawn together are serials as randomSerialBytes makes them: 16 bytes,
// positive without a pad (top bit clear), never shortened (next bit set), all different, across
// the 4,096-serial boundary of one random draw.
import { describe, expect, it } from 'vitest';
import { Convert } from 'pvtsutils';
import { randomSerialBytes, randomSerialsBytes, SERIAL_BYTES } from './serial.ts';

describe('randomSerialsBytes', () => {
  for (const count of [0, 1, 4_095, 4_096, 4_097, 10_000]) {
    it(`${count} serials`, () => {
      const serials = randomSerialsBytes(count);
      expect(serials).toHaveLength(count);
      for (const s of serials) {
        expect(s.length).toBe(SERIAL_BYTES);
        expect((s[0] ?? 0) & 0xc0).toBe(0x40);
      }
      expect(new Set(serials.map((s) => Convert.ToHex(s))).size).toBe(count);
    });
  }

  it('has the shape of a single serial', () => {
    const one = randomSerialBytes();
    expect(one.length).toBe(SERIAL_BYTES);
    expect((one[0] ?? 0) & 0xc0).toBe(0x40);
  });
});
