// The one-pass scan of checkWellFormed against the walk it stands in for: it takes real DER (the
// NIST PKITS certificates and CRLs, the system CA bundle), and over those bytes mutated at random,
// truncated, or nested and counted to the caps, it never passes what the walk refuses, and
// checkWellFormed answers as the walk does, error for error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pemDecodeAll } from '../pem.ts';
import { MAX_ASN1_DEPTH, readTlv, type Tlv } from './tlv.ts';
import { checkWellFormed, scanDefinite, walkTlvs } from './well-formed.ts';

const PKITS = '/work/shared/vectors/nist-pkits';
const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

const pkits = ['certs', 'crls'].flatMap((dir) =>
  readdirSync(join(PKITS, dir)).map((f) => new Uint8Array(readFileSync(join(PKITS, dir, f)))),
);
const bundle = pemDecodeAll(readFileSync(BUNDLE, 'utf8')).blocks.map((b) => new Uint8Array(b.der));
const real = [...pkits, ...bundle];

/** What a check says about `buf`: 'ok', or the error's message; undefined when its root does not read. */
function verdict(check: (buf: Uint8Array, root: Tlv) => void, buf: Uint8Array): string | undefined {
  let root: Tlv;
  try {
    root = readTlv(buf, 0);
  } catch {
    return undefined;
  }
  try {
    check(buf, root);
    return 'ok';
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

function scanned(buf: Uint8Array): boolean {
  return scanDefinite(buf, readTlv(buf, 0));
}

/** `inner` wrapped in `levels` SEQUENCEs (definite lengths). */
function nested(levels: number, inner = new Uint8Array([0x05, 0x00])): Uint8Array {
  let der = inner;
  for (let i = 0; i < levels; i++) der = new Uint8Array([0x30, 0x84, ...u32(der.length), ...der]);
  return der;
}
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('checkWellFormed', () => {
  it('has the vectors: PKITS and the system bundle', () => {
    expect(pkits.length).toBeGreaterThan(500);
    expect(bundle.length).toBeGreaterThan(100);
  });

  it('passes every real certificate and CRL in one scan, as the walk does', () => {
    for (const der of real) {
      expect(scanned(der)).toBe(true);
      expect(verdict(walkTlvs, der)).toBe('ok');
    }
  });

  it('answers as the walk over random byte changes, insertions and truncations of real DER', () => {
    const sample = real.filter((_, i) => i % 7 === 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...sample),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
        (der, changes, cut, truncate) => {
          const buf = der.slice();
          for (const [at, value] of changes) buf[at % buf.length] = value;
          const input = truncate ? buf.subarray(0, cut % buf.length) : buf;
          const walked = verdict(walkTlvs, input);
          expect(verdict(checkWellFormed, input)).toBe(walked);
          if (walked !== undefined && walked !== 'ok') expect(scanned(input)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves indefinite lengths to the walk, which reads them', () => {
    const der = new Uint8Array([0x30, 0x80, 0x30, 0x80, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00]);
    expect(scanned(der)).toBe(false);
    expect(verdict(checkWellFormed, der)).toBe('ok');
    expect(verdict(checkWellFormed, der.subarray(0, 8))).toBe(verdict(walkTlvs, der.subarray(0, 8)));
  });

  it('caps nesting where the walk does', () => {
    for (let levels = MAX_ASN1_DEPTH - 2; levels <= MAX_ASN1_DEPTH + 2; levels++) {
      const der = nested(levels);
      const walked = verdict(walkTlvs, der);
      expect(verdict(checkWellFormed, der), `${levels} levels`).toBe(walked);
      expect(scanned(der), `${levels} levels`).toBe(walked === 'ok');
    }
    expect(verdict(checkWellFormed, nested(MAX_ASN1_DEPTH))).toBe('ok');
    expect(verdict(checkWellFormed, nested(MAX_ASN1_DEPTH + 1))).toMatch(/nesting deeper/);
  });

  it('caps the count of values where the walk does', () => {
    const nulls = (n: number) => {
      const der = new Uint8Array(6 + 2 * n);
      der.set([0x30, 0x84, ...u32(2 * n)]);
      for (let i = 0; i < n; i++) der[6 + 2 * i] = 0x05;
      return der;
    };
    expect(verdict(checkWellFormed, nulls(999_999))).toBe('ok');
    expect(scanned(nulls(999_999))).toBe(true);
    expect(scanned(nulls(1_000_000))).toBe(false);
    expect(verdict(checkWellFormed, nulls(1_000_000))).toMatch(/too many ASN.1 values/);
  });

  it('refuses what readTlv refuses inside the tree: long lengths, long tags, values past their container', () => {
    const rows = [
      { name: '5 length octets', der: [0x30, 0x07, 0x04, 0x85, 0, 0, 0, 0, 0] },
      { name: 'tag of 5 octets', der: [0x30, 0x07, 0x9f, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00] },
      { name: 'child past its parent', der: [0x30, 0x03, 0x04, 0x05, 0x00] },
      { name: 'missing length', der: [0x30, 0x01, 0x04] },
    ];
    for (const row of rows) {
      const der = new Uint8Array(row.der);
      expect(scanned(der), row.name).toBe(false);
      expect(verdict(checkWellFormed, der), row.name).toBe(verdict(walkTlvs, der));
      expect(verdict(checkWellFormed, der), row.name).not.toBe('ok');
    }
  });
});
