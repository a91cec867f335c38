// A decoder's `check` throws exactly when its `decode` throws: the summary reports an extension
// that does not decode from `check` alone (issue 14). Inputs: every extension, of each OID that
// has a check, in the zlint corpus, NIST PKITS and the system CA bundle, each also cut short and
// with bytes flipped.
import { describe, expect, it } from 'vitest';
import { certificateModel } from '../../model/certificate.ts';
import { corpusCertificates } from '../testing/corpus-certificates.ts';
import { EXTENSION_DECODERS } from './registry.ts';

/** Each extension value of the corpora, by OID. */
function valuesByOid(): Map<string, Uint8Array[]> {
  const out = new Map<string, Uint8Array[]>();
  for (const { der } of corpusCertificates()) {
    let extensions;
    try {
      extensions = certificateModel(der).extensions;
    } catch {
      continue;
    }
    for (const e of extensions) {
      const list = out.get(e.oid) ?? [];
      list.push(e.value.slice());
      out.set(e.oid, list);
    }
  }
  return out;
}

const throws = (f: () => unknown): boolean => {
  try {
    f();
    return false;
  } catch {
    return true;
  }
};

describe('check throws exactly when decode throws', () => {
  const values = valuesByOid();
  const checked = [...EXTENSION_DECODERS.values()].filter((d) => 'check' in d);

  it('the decoders of the extensions every CA carries have a check', () =>
    expect(checked.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'Basic constraints',
        'Key usage',
        'Subject key identifier',
        'Authority key identifier',
        'Extended key usage',
        'Subject alternative names',
      ]),
    ));

  for (const decoder of checked) {
    it(`${decoder.name} (${decoder.oid})`, () => {
      const check = (v: Uint8Array) => decoder.check?.(v);
      let refused = 0;
      let compared = 0;
      for (const [n, value] of (values.get(decoder.oid) ?? []).entries()) {
        const variants = [value, value.subarray(0, value.length - 1 - (n % 3))];
        for (let at = 0; at < value.length; at += 1 + (n % 3)) {
          const flipped = value.slice();
          flipped[at] = (flipped[at] ?? 0) ^ (1 << ((at + n) % 8));
          variants.push(flipped);
        }
        for (const v of variants) {
          const decodeThrows = throws(() => decoder.decode(v));
          expect(
            throws(() => check(v)),
            Buffer.from(v).toString('hex'),
          ).toBe(decodeThrows);
          if (decodeThrows) refused++;
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(50);
      // The variants reach refusals as well as values that decode.
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(compared);
    });
  }
});
