import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64, encodeBase64Url } from './pem.ts';

describe('base64 codecs agree with Node Buffer', () => {
  it('base64 and unpadded base64url of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        // Empty is "no base64" to the strict decoder.
        const back = decodeBase64(encodeBase64(bytes));
        expect(back === undefined ? undefined : new Uint8Array(back)).toEqual(bytes.length === 0 ? undefined : bytes);
      }),
    );
  });

  it('base64url uses - and _ and drops the padding', () => {
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});
