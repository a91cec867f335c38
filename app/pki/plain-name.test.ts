// Plain Names (plain-name.ts): which Names have a shape, and the claim the batch fast path rests
// on: @peculiar/x509 writes every plain Name back as it is, so a shape it wrote back once stands
// for all its Names (leaf-template-proof.ts).
import { Name } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tlv } from './der-writer.ts';
import { plainNameShape, plainNameText } from './plain-name.ts';

const hex = (h: string) => new Uint8Array(Convert.FromHex(h));
const OIDS = {
  cn: '0603550403',
  o: '060355040a',
  c: '0603550406',
  ou: '060355040b',
  email: '06092a864886f70d010901',
};
const printable = (text: string) => tlv(0x13, new TextEncoder().encode(text));
const utf8 = (text: string) => tlv(0x0c, new TextEncoder().encode(text));
const attribute = (oid: string, value: Uint8Array) => tlv(0x31, tlv(0x30, hex(oid), value));
const name = (...rdns: Uint8Array[]) => tlv(0x30, ...rdns);

const plainRows = [
  { name: 'one printable CN', der: name(attribute(OIDS.cn, printable('node-1 CA'))) },
  { name: 'a UTF-8 CN with non-ASCII text', der: name(attribute(OIDS.cn, utf8('nœud Ω CA'))) },
  {
    name: 'C, O and CN (printable and UTF-8)',
    der: name(attribute(OIDS.c, printable('DE')), attribute(OIDS.o, utf8('Örg')), attribute(OIDS.cn, printable('x'))),
  },
  { name: 'a long value (long-form length)', der: name(attribute(OIDS.cn, utf8('a'.repeat(300)))) },
];

const notPlainRows = [
  { name: 'no RDN at all', der: hex('3000') },
  {
    name: 'a multi-valued RDN',
    der: name(tlv(0x31, tlv(0x30, hex(OIDS.cn), printable('a')), tlv(0x30, hex(OIDS.o), printable('b')))),
  },
  { name: 'a BMPString value', der: name(attribute(OIDS.cn, tlv(0x1e, hex('0061')))) },
  { name: 'a T61String value', der: name(attribute(OIDS.cn, tlv(0x14, hex('61')))) },
  { name: 'an IA5String value (email)', der: name(attribute(OIDS.email, tlv(0x16, hex('61')))) },
  { name: 'invalid UTF-8 in a UTF8String', der: name(attribute(OIDS.cn, tlv(0x0c, hex('c328')))) },
  { name: 'a long-form length where the short one fits', der: hex('300e310c300a0603550403138103616263') },
  { name: 'trailing octets after the Name', der: new Uint8Array([...name(attribute(OIDS.cn, printable('a'))), 0]) },
  { name: 'not a SEQUENCE', der: tlv(0x31, attribute(OIDS.cn, printable('a'))) },
  { name: 'truncated', der: name(attribute(OIDS.cn, printable('abc'))).subarray(0, 8) },
];

describe('plainNameShape', () => {
  for (const row of plainRows)
    it(`plain: ${row.name}, and @peculiar/x509 writes it back as it is`, () => {
      expect(plainNameShape(row.der)).toBeTypeOf('string');
      expect(Convert.ToHex(new Name(row.der).toArrayBuffer())).toBe(Convert.ToHex(row.der));
    });
  for (const row of notPlainRows) it(`not plain: ${row.name}`, () => expect(plainNameShape(row.der)).toBeUndefined());

  it('the shape leaves the values out and keeps the types and string tags', () => {
    const a = plainNameShape(name(attribute(OIDS.o, utf8('A')), attribute(OIDS.cn, printable('one'))));
    expect(plainNameShape(name(attribute(OIDS.o, utf8('Bee')), attribute(OIDS.cn, printable('two'))))).toBe(a);
    expect(plainNameShape(name(attribute(OIDS.o, printable('A')), attribute(OIDS.cn, printable('one'))))).not.toBe(a);
    expect(plainNameShape(name(attribute(OIDS.cn, printable('one')), attribute(OIDS.o, utf8('A'))))).not.toBe(a);
    expect(plainNameShape(name(attribute(OIDS.o, utf8('A'))))).not.toBe(a);
  });
});

/** PrintableString's characters (X.680 §41.4). */
const PRINTABLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";

/** Characters Name.toString escapes or hex-encodes, mixed into the generated values. */
const SPECIAL = [',', '+', '"', '\\', '<', '>', ';', '#', ' ', '\r', '\n', '\t', '='];

const plainAttribute = fc.record({
  oid: fc.constantFrom(...Object.values(OIDS)),
  value: fc.oneof(
    fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength: 80 }).map(printable),
    fc.string({ unit: 'grapheme', maxLength: 80 }).map(utf8),
    fc.string({ unit: fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom('a', 'é', '𝄞')), maxLength: 12 }).map(utf8),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }).map((o) => tlv(0x13, new Uint8Array(o))),
  ),
});

/** The labels @peculiar/x509 writes for a Name's attribute types, in order (Name.toJSON's keys). */
const labelsOf = (der: Uint8Array<ArrayBuffer>) => new Name(der).toJSON().map((rdn) => Object.keys(rdn)[0] ?? '');

describe('@peculiar/x509 writes every plain Name back as it is', () => {
  it('over generated plain Names (types, string tags, lengths across the long form, any Unicode)', () => {
    fc.assert(
      fc.property(fc.array(plainAttribute, { minLength: 1, maxLength: 6 }), (attributes) => {
        const der = name(...attributes.map((a) => attribute(a.oid, a.value)));
        expect(plainNameShape(der)).toBeTypeOf('string');
        expect(Convert.ToHex(new Name(der).toArrayBuffer())).toBe(Convert.ToHex(der));
      }),
      { numRuns: 300 },
    );
  });
});

describe("plainNameText is @peculiar/x509's Name.toString", () => {
  it('over generated plain Names (escaped characters, any octet in a PrintableString, any Unicode)', () => {
    fc.assert(
      fc.property(fc.array(plainAttribute, { minLength: 1, maxLength: 5 }), (attributes) => {
        const der = name(...attributes.map((a) => attribute(a.oid, a.value)));
        expect(plainNameText(der, labelsOf(der))).toBe(new Name(der).toString());
      }),
      { numRuns: 500 },
    );
  });

  it('a label list that does not fit the Name, or a Name that is not plain, gives no text', () => {
    const der = name(attribute(OIDS.c, printable('DE')), attribute(OIDS.cn, printable('x')));
    expect(plainNameText(der, ['C', 'CN'])).toBe('C=DE, CN=x');
    expect(plainNameText(der, ['CN'])).toBeUndefined();
    for (const row of notPlainRows) expect(plainNameText(row.der, ['CN'])).toBeUndefined();
  });
});
