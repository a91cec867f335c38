// The TLV reader and the primitive decoders: tables of hand-made DER, with OIDs and times
// judged by openssl asn1parse where it has an opinion.
import { describe, expect, it } from 'vitest';
import { judge } from '../read/test-judges.ts';
import { bitStringOf, integerHex, stringOf, timeOf } from './values.ts';
import { childrenOf, contentOf, encodeLength, oidOf, readTlv, readWhole } from './tlv.ts';
import { checkWellFormed } from './well-formed.ts';

const hex = (s: string) => new Uint8Array((s.replace(/\s/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)));

describe('readTlv', () => {
  const rows = [
    { name: 'short length', input: '0403010203', want: { tagNumber: 4, contentStart: 2, end: 5 } },
    {
      name: 'long-form length',
      input: `0481 80${'00'.repeat(128)}`,
      want: { tagNumber: 4, contentStart: 3, end: 131 },
    },
    { name: 'high tag number', input: '9f8101 01 ff', want: { cls: 2, tagNumber: 129, end: 5 } },
    {
      name: 'indefinite constructed',
      input: '3080 0500 0000',
      want: { constructed: true, indefinite: true, contentEnd: 4, end: 6 },
    },
  ];
  for (const row of rows) it(row.name, () => expect(readTlv(hex(row.input), 0)).toMatchObject(row.want));

  const errors = [
    { name: 'empty', input: '', wantError: /missing tag/ },
    { name: 'missing length', input: '30', wantError: /missing length/ },
    { name: 'value past the end', input: '3005 0500', wantError: /runs past/ },
    { name: 'length of 5 bytes', input: '3085 0000000001 00', wantError: /too large/ },
    { name: 'indefinite primitive', input: '0480 00 0000', wantError: /primitive/ },
    { name: 'indefinite without end-of-contents', input: '3080 0500', wantError: /end-of-contents/ },
    { name: 'trailing bytes', input: '0500 00', wantError: /trailing/ },
  ];
  for (const row of errors) it(row.name, () => expect(() => readWhole(hex(row.input))).toThrow(row.wantError));

  it('caps nesting depth', () => {
    let der = hex('0500');
    for (let i = 0; i < 40; i++) der = new Uint8Array([0x30, der.length, ...der]);
    expect(() => checkWellFormed(der, readWhole(der))).toThrow(/nesting/);
  });

  it('joins the pieces of a constructed BER OCTET STRING', () => {
    const der = hex('2480 0402 0102 0401 03 0000');
    expect([...contentOf(der, readWhole(der))]).toEqual([1, 2, 3]);
    expect(childrenOf(der, readWhole(der))).toHaveLength(2);
  });
});

describe('encodeLength: the writer writes what the reader reads, minimally', () => {
  const rows = [
    { length: 0, want: '00' },
    { length: 127, want: '7f' },
    { length: 128, want: '8180' },
    { length: 255, want: '81ff' },
    { length: 256, want: '820100' },
    { length: 65_536, want: '83010000' },
  ];
  for (const row of rows) {
    it(`${row.length} octets`, () => {
      const len = encodeLength(row.length);
      expect(Buffer.from(len).toString('hex')).toBe(row.want);
      const der = new Uint8Array([0x04, ...len, ...new Uint8Array(row.length)]);
      expect(readWhole(der)).toMatchObject({ contentStart: 1 + len.length, end: der.length });
    });
  }
  it('refuses a length the reader would refuse', () => expect(() => encodeLength(2 ** 32)).toThrow(/too large/));
});

describe('OIDs agree with openssl asn1parse', () => {
  // OIDs openssl has no name for, so it prints them dotted.
  const rows = ['883703', '2a0304', '8851', '2b060104019f2e01', '2a864886f70d01ff7f'];
  for (const input of rows) {
    it(input, () => {
      const content = hex(input);
      const der = new Uint8Array([0x06, content.length, ...content]);
      const printed = /OBJECT\s*:(\S+)/.exec(judge('openssl', ['asn1parse', '-inform', 'DER'], der))?.[1];
      expect(oidOf(der, readWhole(der))).toBe(printed);
    });
  }
  const fixed = [
    { name: 'rsaEncryption', input: '2a864886f70d010101', want: '1.2.840.113549.1.1.1' },
    { name: 'domainComponent', input: '0992268993f22c640119', want: '0.9.2342.19200300.100.1.25' },
    { name: 'arc 2 above 39', input: '883703', want: '2.999.3' },
  ];
  for (const row of fixed) {
    it(row.name, () => {
      const c = hex(row.input);
      const der = new Uint8Array([0x06, c.length, ...c]);
      expect(oidOf(der, readWhole(der))).toBe(row.want);
    });
  }
});

describe('primitive values', () => {
  const text = (s: string) => [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const times = [
    {
      name: 'UTCTime 49 is 2049',
      input: `170d${text('491231235959Z')}`,
      want: { iso: '2049-12-31T23:59:59.000Z', strict: true },
    },
    {
      name: 'UTCTime 50 is 1950',
      input: `170d${text('500101000000Z')}`,
      want: { iso: '1950-01-01T00:00:00.000Z', strict: true },
    },
    {
      name: 'UTCTime without seconds is read but not strict',
      input: `170b${text('2501010000Z')}`,
      want: { iso: '2025-01-01T00:00:00.000Z', strict: false },
    },
    {
      name: 'GeneralizedTime with an offset',
      input: `1813${text('20250101120000+0100')}`,
      want: { iso: '2025-01-01T11:00:00.000Z', strict: false },
    },
    {
      name: 'GeneralizedTime with a fraction',
      input: `1811${text('20250101000000.5Z')}`,
      want: { iso: '2025-01-01T00:00:00.500Z', strict: false },
    },
  ];
  for (const row of times) {
    it(row.name, () => {
      const der = hex(row.input);
      const t = timeOf(der, readWhole(der));
      expect({ iso: t.date?.toISOString(), strict: t.strict }).toEqual(row.want);
    });
  }
  it('a time that is not one keeps its text and no date', () => {
    const der = hex(`1704${text('abcd')}`);
    expect(timeOf(der, readWhole(der))).toMatchObject({ date: null, text: 'abcd' });
  });
  const strings = [
    { name: 'UTF8String', input: '0c03c3a961', want: 'éa' },
    { name: 'BMPString', input: '1e0400e90061', want: 'éa' },
    { name: 'UniversalString', input: '1c08000000e900000061', want: 'éa' },
    { name: 'PrintableString', input: '1302 4445', want: 'DE' },
    { name: 'not a string', input: '0201 05', want: undefined },
  ];
  for (const row of strings) {
    it(row.name, () => {
      const der = hex(row.input);
      expect(stringOf(der, readWhole(der))).toBe(row.want);
    });
  }
  it('integers drop leading zero bytes only', () => {
    const der = hex('0203 00 80 01');
    expect(integerHex(der, readWhole(der))).toBe('8001');
  });
  it('bit strings count unused bits', () => {
    const der = hex('0302 07 80');
    expect(bitStringOf(der, readWhole(der)).bitLength).toBe(1);
    expect(() => bitStringOf(hex('0302 08 80'), readWhole(hex('0302 08 80')))).toThrow(/BIT STRING/);
  });
});
