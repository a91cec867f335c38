// The platform's base64 decodes a PEM body only where pem.ts's own decoder would give the same
// block. Node 20 has no Uint8Array.fromBase64, so the rows use stand-ins: a strict one written
// to TC39's rules (ASCII whitespace skipped, padding and zero padding bits required) and wrong ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { nativeBodyDecoder, type ReferenceDecoder } from './pem-native-decode.ts';
import { pemEncode } from './pem.ts';

type FromBase64 = (text: string, options: { alphabet: 'base64'; lastChunkHandling: 'strict' }) => Uint8Array;

/** Uint8Array.fromBase64(text, { alphabet: 'base64', lastChunkHandling: 'strict' }) as the proposal specifies it. */
const strict: FromBase64 = (text) => {
  const compact = text.replace(/[\t\n\f\r ]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new SyntaxError('bad base64');
  const bytes = Buffer.from(compact, 'base64');
  if (Buffer.from(bytes).toString('base64') !== compact) throw new SyntaxError('padding bits set');
  return new Uint8Array(bytes);
};

/** What pem.ts's table-driven decoder says, through the reader itself (no platform decoder in Node 20). */
const reference: ReferenceDecoder = (text, start, end) => {
  const { blocks } = pemDecodeWithout(`-----BEGIN X-----${text.slice(start, end)}-----END X-----`);
  const [block] = blocks;
  return block ? { der: block.der, canonical: block.pem !== undefined } : undefined;
};
let pemDecodeWithout: typeof import('./pem.ts').pemDecodeAll;

const der = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);

/** A fresh pem.ts whose platform decoder was proven with `fromBase64` (Node 20 has none of its own). */
async function pemModule(fromBase64: FromBase64 | undefined): Promise<typeof import('./pem.ts')> {
  vi.resetModules();
  const mod = await import('./pem.ts');
  const platform = Uint8Array as { fromBase64?: FromBase64 };
  if (fromBase64) platform.fromBase64 = fromBase64;
  try {
    mod.pemDecodeAll(pemEncode('X', der(3))); // the decoder is chosen on the first block read
  } finally {
    delete platform.fromBase64;
  }
  return mod;
}

const lenient: FromBase64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));

const refusals: { name: string; input: FromBase64 | undefined }[] = [
  { name: 'none (Node 20, older browsers)', input: undefined },
  { name: "Node's Buffer (base64url, padding bits and junk accepted)", input: lenient },
  { name: 'one that drops the last byte', input: (t, o) => strict(t, o).subarray(1) },
  {
    name: 'one that throws',
    input: () => {
      throw new Error('not here');
    },
  },
];

describe('nativeBodyDecoder refuses a platform decoder that differs', () => {
  for (const row of refusals)
    it(row.name, async () => {
      pemDecodeWithout = (await import('./pem.ts')).pemDecodeAll;
      expect(nativeBodyDecoder(reference, row.input)).toBeUndefined();
    });
});

const canonical = pemEncode('CERTIFICATE', der(700));
const inputs: { name: string; text: string }[] = [
  { name: 'the system CA bundle', text: readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8') },
  ...[1, 2, 3, 48, 49, 96, 97, 1234].map((n) => ({ name: `${n} bytes`, text: pemEncode('PUBLIC KEY', der(n)) })),
  { name: 'CRLF line ends', text: canonical.replace(/\n/g, '\r\n') },
  { name: 'a space for a character inside a line', text: canonical.replace(/\n(.{10})./, '\n$1 ') },
  { name: 'four spaces for four characters', text: canonical.replace(/\n(.{8}).{4}/, '\n$1    ') },
  { name: 'a line of 63 characters', text: canonical.replace(/^(.*\n.{63})./, '$1') },
  { name: 'an empty line inside', text: canonical.replace(/(\n.{64}\n)/, '$1\n') },
  { name: 'no LF before the END line', text: canonical.replace(/\n-----END/, '-----END') },
  { name: 'padding bits set', text: pemEncode('X', der(1)).replace('DQ==', 'DR==') },
  { name: 'a base64url character', text: canonical.replace(/\n(.)/, '\n-') },
  { name: 'padding in the middle', text: canonical.replace(/\n(.{4})/, '\nAA==') },
  { name: 'RFC 1421 headers', text: canonical.replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\n\n') },
];

describe('pemDecodeAll gives the same blocks with the platform decoder as without', () => {
  for (const row of inputs)
    it(row.name, async () => {
      const without = await pemModule(undefined);
      pemDecodeWithout = without.pemDecodeAll;
      const calls = vi.fn(strict);
      const withNative = await pemModule(calls);
      const proofCalls = calls.mock.calls.length;
      expect(withNative.pemDecodeAll(row.text)).toEqual(without.pemDecodeAll(row.text));
      // Canonical blocks are decoded there: the path is taken, not merely harmless.
      const canonicalBlocks = without.pemDecodeAll(row.text).blocks.filter((b) => b.pem !== undefined).length;
      if (canonicalBlocks > 0) expect(calls.mock.calls.length).toBeGreaterThan(proofCalls);
    });
});
