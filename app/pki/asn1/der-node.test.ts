import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { children, directoryString, oidOf, parseDer, smallInt, timeOf, TlvError } from './der-node.ts';

const ber = (v: asn1js.AsnType) => new Uint8Array(v.toBER(false));

describe('oidOf agrees with asn1js', () => {
  const rows = [
    '1.2.840.113549.1.1.11',
    '2.5.29.19',
    '2.999.3',
    '1.3.6.1.4.1.311.21.7',
    '2.25.329800735698586629295641978511506172918',
    '0.9.2342.19200300.100.1.1',
  ];
  for (const oid of rows)
    it(oid, () => expect(oidOf(parseDer(ber(new asn1js.ObjectIdentifier({ value: oid }))))).toBe(oid));
});

describe('timeOf', () => {
  const rows: { name: string; input: asn1js.AsnType | Uint8Array; want: string; encoding: 'utc' | 'generalized' }[] = [
    {
      name: 'UTCTime 49 is 2049',
      input: new Uint8Array([0x17, 13, ...Buffer.from('491231235959Z')]),
      want: '2049-12-31T23:59:59.000Z',
      encoding: 'utc',
    },
    {
      name: 'UTCTime 50 is 1950',
      input: new Uint8Array([0x17, 13, ...Buffer.from('500101000000Z')]),
      want: '1950-01-01T00:00:00.000Z',
      encoding: 'utc',
    },
    {
      name: 'GeneralizedTime',
      input: new Uint8Array([0x18, 15, ...Buffer.from('20500101000000Z')]),
      want: '2050-01-01T00:00:00.000Z',
      encoding: 'generalized',
    },
    {
      name: 'GeneralizedTime with fraction',
      input: new Uint8Array([0x18, 19, ...Buffer.from('20300101000000.250Z')]),
      want: '2030-01-01T00:00:00.250Z',
      encoding: 'generalized',
    },
    {
      name: 'UTCTime with offset',
      input: new Uint8Array([0x17, 17, ...Buffer.from('300101010000+0100')]),
      want: '2030-01-01T00:00:00.000Z',
      encoding: 'utc',
    },
    {
      name: 'asn1js UTCTime',
      input: new asn1js.UTCTime({ valueDate: new Date(Date.UTC(2026, 5, 1, 12)) }),
      want: '2026-06-01T12:00:00.000Z',
      encoding: 'utc',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const t = timeOf(parseDer(row.input instanceof Uint8Array ? row.input : ber(row.input)));
      expect([t.date.toISOString(), t.encoding]).toEqual([row.want, row.encoding]);
    });
  }
});

describe('malformed DER is refused with TlvError', () => {
  const rows: { name: string; input: number[] }[] = [
    { name: 'empty', input: [] },
    { name: 'length past the end', input: [0x30, 0x05, 0x02, 0x01] },
    { name: 'trailing data', input: [0x05, 0x00, 0x00] },
    { name: 'indefinite length', input: [0x30, 0x80, 0x00, 0x00] },
    { name: 'five length octets', input: [0x04, 0x85, 0, 0, 0, 0, 1, 0] },
    { name: 'child runs past its parent', input: [0x30, 0x03, 0x04, 0x05, 0x00] },
  ];
  for (const row of rows) {
    it(row.name, () => expect(() => children(parseDer(new Uint8Array(row.input)))).toThrow(TlvError));
  }
});

describe('values', () => {
  const ints: { input: number; want: number }[] = [
    { input: 0, want: 0 },
    { input: 127, want: 127 },
    { input: 128, want: 128 },
    { input: -1, want: -1 },
    { input: 65535, want: 65535 },
  ];
  for (const row of ints)
    it(`INTEGER ${row.input}`, () =>
      expect(smallInt(parseDer(ber(new asn1js.Integer({ value: row.input }))))).toBe(row.want));
  const strings: { name: string; input: asn1js.AsnType; want: string }[] = [
    { name: 'UTF8String', input: new asn1js.Utf8String({ value: 'Zürich ✓' }), want: 'Zürich ✓' },
    { name: 'BMPString', input: new asn1js.BmpString({ value: 'Ñandú' }), want: 'Ñandú' },
    { name: 'UniversalString', input: new asn1js.UniversalString({ value: 'A😀' }), want: 'A😀' },
    { name: 'PrintableString', input: new asn1js.PrintableString({ value: 'Test CA 1' }), want: 'Test CA 1' },
  ];
  for (const row of strings) it(row.name, () => expect(directoryString(parseDer(ber(row.input)))).toBe(row.want));
});
