import { describe, expect, it } from 'vitest';
import { PkiError, wrapErrors } from './errors.ts';

describe('wrapErrors', () => {
  it('turns a library error into a PkiError that names the field', async () => {
    const err = await wrapErrors('invalid-der', 'certificate', 'The certificate is not valid DER.', () =>
      Promise.reject(new TypeError('Cannot read properties of undefined')),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as PkiError).toJSON()).toEqual({
      code: 'invalid-der',
      field: 'certificate',
      message: 'The certificate is not valid DER.',
    });
  });
  it('passes a PkiError through untouched', async () => {
    const original = new PkiError('invalid-san', 'san', 'san: "x" is bad');
    await expect(wrapErrors('internal', 'x', 'y', () => Promise.reject(original))).rejects.toBe(original);
  });
});
