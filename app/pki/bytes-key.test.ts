import { describe, expect, it } from 'vitest';
import { bytesKey } from './bytes-key.ts';

describe('bytesKey', () => {
  it('gives each of the 256 byte values its own key', () => {
    const keys = new Set(Array.from({ length: 256 }, (_, b) => bytesKey(new Uint8Array([b]))));
    expect(keys.size).toBe(256);
  });

  it('is equal for equal bytes in different buffers and different for different bytes', () => {
    const all = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) & 0xff);
    expect(bytesKey(all.slice(3, 300))).toBe(bytesKey(all.subarray(3, 300)));
    expect(bytesKey(all.subarray(0, 10))).not.toBe(bytesKey(all.subarray(1, 11)));
    expect(bytesKey(new Uint8Array([0, 1]))).not.toBe(bytesKey(new Uint8Array([1])));
    expect(bytesKey(all).length).toBe(512);
  });
});
