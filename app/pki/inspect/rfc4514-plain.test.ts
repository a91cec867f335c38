// plainRfc4514 answers for plain names only, and then writes exactly what the general reader
// (generalRfc4514) writes. Inputs: the subject and issuer of every certificate in the zlint
// corpus, NIST PKITS and the system CA bundle, each also cut short and with bytes flipped, and
// names @peculiar/x509 writes from generated attributes (special characters, spaces, '#', non-ASCII
// text, every string type, multi-valued RDNs).
import { Name } from '@peculiar/x509';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateModel } from '../model/certificate.ts';
import { corpusCertificates } from './testing/corpus-certificates.ts';
import { generalRfc4514 } from './name-text.ts';
import { plainRfc4514 } from './rfc4514-plain.ts';

/** The subject and issuer Name DER of each certificate that the model reads. */
function names(): { corpus: string; name: Uint8Array }[] {
  return corpusCertificates().flatMap(({ corpus, der }) => {
    try {
      const m = certificateModel(der);
      return [
        { corpus, name: m.subject.slice() },
        { corpus, name: m.issuer.slice() },
      ];
    } catch {
      return [];
    }
  });
}

/** The general reader's text, or its error as "error: message". */
function general(der: Uint8Array): string {
  try {
    return generalRfc4514(der);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** undefined, or the text, which must be the general reader's (a thrown error fails the test). */
function agreed(der: Uint8Array): string | undefined {
  const plain = plainRfc4514(der);
  if (plain !== undefined) expect(plain, Buffer.from(der).toString('hex')).toBe(general(der));
  return plain;
}

describe('plainRfc4514 writes what the general reader writes', () => {
  const all = names();

  it('every subject and issuer of three corpora', () => {
    const answered = new Map<string, [number, number]>();
    for (const { corpus, name } of all) {
      const [yes = 0, total = 0] = answered.get(corpus) ?? [];
      answered.set(corpus, [yes + (agreed(name) === undefined ? 0 : 1), total + 1]);
    }
    const share = (corpus: string) => {
      const [yes = 0, total = 1] = answered.get(corpus) ?? [];
      return yes / total;
    };
    expect(all.length).toBeGreaterThan(3000);
    // The plain path is the common one: a CA bundle's names are nearly all plain.
    expect(share('bundle')).toBeGreaterThan(0.9);
    expect(share('pkits')).toBeGreaterThan(0.9);
    expect(share('zlint')).toBeGreaterThan(0.5);
  });

  it('the same names cut short and with bytes flipped', () => {
    let compared = 0;
    for (const [n, { name }] of all.entries()) {
      if (n % 4) continue;
      agreed(name.subarray(0, name.length - 1 - (n % 7)));
      for (let at = 0; at < name.length; at++) {
        const flipped = name.slice();
        flipped[at] = (flipped[at] ?? 0) ^ (1 << ((at + n) % 8));
        agreed(flipped);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50_000);
  });

  const TYPES = [
    '2.5.4.3',
    '2.5.4.6',
    '2.5.4.10',
    '2.5.4.11',
    '2.5.4.5',
    '2.5.4.97',
    '1.2.840.113549.1.9.1',
    '0.9.2342.19200300.100.1.25',
  ];
  const KINDS = ['printableString', 'utf8String', 'ia5String', 'bmpString', 'universalString'] as const;
  const text = fc.string({
    unit: fc.constantFrom(...'ab Z09#+,;<>"\\=.-_é€\u0000 '.split('')),
    maxLength: 12,
  });
  const attribute = fc.record({ type: fc.constantFrom(...TYPES), kind: fc.constantFrom(...KINDS), text });

  it('generated names written by @peculiar/x509', () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.array(fc.array(attribute, { minLength: 1, maxLength: 3 }), { maxLength: 5 }), (rdns) => {
        const json = rdns.map((rdn) => {
          const byType: Record<string, Record<string, string>[]> = {};
          for (const a of rdn) (byType[a.type] ??= []).push({ [a.kind]: a.text });
          return byType;
        });
        const der = new Uint8Array(new Name(json).toArrayBuffer());
        if (agreed(der) !== undefined) plain++;
      }),
      { numRuns: 3000 },
    );
    // Both paths are exercised: plain names and the ones left to the general reader.
    expect(plain).toBeGreaterThan(100);
    expect(plain).toBeLessThan(3000);
  });
});
