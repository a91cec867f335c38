// Robustness: every zlint test file (many deliberately malformed) and fast-check's random,
// truncated, bit-flipped and oversized inputs are read, explained and summarised, never with an
// exception, never with a vague message. Nothing here reads the clock: how long a read took on a
// shared machine is no verdict. Pathological slowness still fails: the oversized rows must be
// answered by their cap, not by the reader's time budget, and a hang runs into the test timeout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Convert } from 'pvtsutils';
import { describe, expect, it } from 'vitest';
import { explain } from '../inspect/explain.ts';
import { summarize } from '../inspect/summary.ts';
import { treeToText } from '../inspect/tree.ts';
import { pemDecodeAll, pemEncode } from '../pem.ts';
import { readInput } from './read-input.ts';
import type { Item, ReadInput } from './types.ts';

const ZLINT = '/work/shared/vectors/zlint-testdata';
/** The reader's own time budget for ordinary inputs; running into it is a clear error item, not a failure here. */
const PER_INPUT_MS = 2000;
/**
 * For the oversized rows, whose answer must come from a cap: far above what they need (under a
 * second or a few seconds for the 5,001-certificate PKCS#7), so a loaded machine never turns the
 * cap's message into the time-out's. A reader gone quadratic takes hours and still fails.
 */
const CAP_ROW_MS = 40_000;
const KINDS = new Set(['certificate', 'csr', 'private-key', 'public-key', 'crl', 'error']);

/** Read, explain and summarise; fail on any exception or vague error. */
async function survive(input: ReadInput, budget = PER_INPUT_MS): Promise<Item[]> {
  const items = await readInput(input, { timeBudgetMs: budget });
  expect(Array.isArray(items)).toBe(true);
  for (const item of items) {
    expect(KINDS.has(item.kind)).toBe(true);
    if (item.kind === 'error') {
      expect(item.message.length).toBeGreaterThan(10);
      expect(item.message).not.toMatch(/unknown error/i);
      expect(item.code).not.toBe('internal');
    }
    expect(treeToText(explain(item)).length).toBeGreaterThan(0);
    expect(JSON.stringify(summarize(item, { lint: false }))).toContain(item.kind);
  }
  return items;
}

const files = readdirSync(ZLINT).filter((f) => statSync(join(ZLINT, f)).isFile());

describe('zlint test data: items or error items, never an exception', () => {
  it('has the vectors', () => expect(files.length).toBeGreaterThan(1000));
  const counts = { certificate: 0, error: 0, other: 0 };
  for (const name of files) {
    it(name, async () => {
      const items = await survive({ name, bytes: new Uint8Array(readFileSync(join(ZLINT, name))) });
      for (const i of items) counts[i.kind === 'certificate' || i.kind === 'error' ? i.kind : 'other']++;
    });
  }
  it('reads the great majority as certificates', () => {
    expect(counts.certificate).toBeGreaterThan(files.length * 0.9);
  });
});

const sample = pemDecodeAll(readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8'))
  .blocks.slice(0, 8)
  .map((b) => new Uint8Array(b.der));
const certArb = fc.constantFrom(...sample);

describe('property: hostile bytes', () => {
  const props = [
    { name: 'random bytes', arb: fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ bytes })) },
    {
      name: 'random DER-looking bytes',
      arb: fc.uint8Array({ maxLength: 512 }).map((b) => ({ bytes: new Uint8Array([0x30, 0x82, 0x01, 0xff, ...b]) })),
    },
    {
      name: 'truncated certificates',
      arb: fc
        .tuple(certArb, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([c, f]) => ({ bytes: c.slice(0, Math.floor(c.length * f)) })),
    },
    {
      name: 'bit-flipped certificates',
      arb: fc.tuple(certArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.nat(7)).map(([c, at, bit]) => {
        const b = c.slice();
        for (const i of at) b[i % b.length] = (b[i % b.length] ?? 0) ^ (1 << bit);
        return { bytes: b };
      }),
    },
    {
      name: 'bit-flipped PEM',
      arb: fc.tuple(certArb, fc.nat(), fc.constantFrom('A', '/', '=', '-', '\n', ' ', '!')).map(([c, at, ch]) => {
        const pem = pemEncode('CERTIFICATE', c);
        const i = at % pem.length;
        return { text: pem.slice(0, i) + ch + pem.slice(i + 1) };
      }),
    },
    {
      name: 'random PEM labels around random base64',
      arb: fc
        .tuple(fc.stringMatching(/^[A-Z ]{1,20}$/), fc.uint8Array({ maxLength: 300 }))
        .map(([l, b]) => ({ text: pemEncode(l.trim() || 'X', b) })),
    },
    { name: 'random text', arb: fc.string({ maxLength: 2000 }).map((text) => ({ text })) },
  ];
  for (const p of props) {
    it(p.name, async () => {
      await fc.assert(
        fc.asyncProperty(p.arb, async (input) => void (await survive(input))),
        { numRuns: 150 },
      );
    });
  }
});

function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const len =
    n < 128
      ? [n]
      : n < 256
        ? [0x81, n]
        : n < 65536
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(1 + len.length + n);
  out.set([tag, ...len]);
  out.set(content, 1 + len.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A certificates-only PKCS#7 SignedData holding `certs`. */
function pkcs7Of(certs: Uint8Array[]): Uint8Array {
  const oid = (hex: string) => tlv(0x06, new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16))));
  const signedData = tlv(
    0x30,
    concat([
      tlv(0x02, new Uint8Array([1])),
      tlv(0x31, new Uint8Array()),
      tlv(0x30, oid('2a864886f70d010701')),
      tlv(0xa0, concat(certs)),
      tlv(0x31, new Uint8Array()),
    ]),
  );
  return tlv(0x30, concat([oid('2a864886f70d010702'), tlv(0xa0, signedData)]));
}

describe('huge and deep inputs are refused by their cap, with the cap in the message', () => {
  const deepIndefinite = new Uint8Array(20_000).map((_, i) => (i < 10_000 ? (i % 2 ? 0x80 : 0x30) : 0));
  let deepDefinite = new Uint8Array([0x05, 0x00]);
  for (let i = 0; i < 200; i++) {
    const len = deepDefinite.length;
    const head = len < 128 ? [0x30, len] : len < 256 ? [0x30, 0x81, len] : [0x30, 0x82, len >> 8, len & 0xff];
    deepDefinite = new Uint8Array([...head, ...deepDefinite]);
  }
  const rows = [
    { name: 'just over 10 MiB of bytes', input: { bytes: new Uint8Array(10 * 1024 * 1024 + 1) }, want: /10 MiB/ },
    { name: '11 MiB of text', input: { text: 'A'.repeat(11 * 1024 * 1024) }, want: /10 MiB/ },
    {
      name: '9 MiB of base64 that decodes to zeros',
      input: { text: 'A'.repeat(9 * 1024 * 1024) },
      want: /DER|trailing/,
    },
    {
      name: 'a 9 MiB PEM block (decoded without overflowing the stack, then judged as DER)',
      input: { text: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(9 * 1024 * 1024)}\n-----END CERTIFICATE-----\n` },
      want: /DER|trailing/,
    },
    { name: '10,000 nested indefinite-length SEQUENCEs', input: { bytes: deepIndefinite }, want: /nesting/ },
    { name: '200 nested definite-length SEQUENCEs', input: { bytes: deepDefinite }, want: /nesting/ },
    {
      name: 'a length claiming 4 GiB',
      input: { bytes: new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x00]) },
      want: /truncated|past/,
    },
    {
      name: 'a PKCS#7 holding 5,001 certificates',
      input: { bytes: pkcs7Of(Array.from({ length: 5001 }, () => sample[0] ?? new Uint8Array())) },
      want: /more than 5000 items/,
    },
    {
      name: '500,000 BEGIN lines without an END (quadratic for one big regular expression)',
      input: { text: '-----BEGIN X-----\n'.repeat(500_000) },
      want: /has no "-----END X-----" line/,
    },
    {
      name: '6,000 tiny PEM blocks',
      input: { text: `-----BEGIN X-----\n${Convert.ToBase64(new Uint8Array([5, 0]))}\n-----END X-----\n`.repeat(6000) },
      want: /more than 5000 items/,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const items = await survive(row.input, CAP_ROW_MS);
      const errors = items.filter((i) => i.kind === 'error').map((i) => (i.kind === 'error' ? i.message : ''));
      expect(errors.join('\n')).not.toMatch(/took longer than/);
      expect(errors.join('\n')).toMatch(row.want);
    });
  }
});
