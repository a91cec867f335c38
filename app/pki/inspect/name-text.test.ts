// RFC 4514 strings exactly as Python cryptography's rfc4514_string() writes them: names built
// in Python (escaping edge cases, multi-valued RDNs, string types, unknown OIDs) are rendered by
// both and compared. Also the punycode decoder against Python's idna codec.
import { describe, expect, it } from 'vitest';
import { python } from '../read/test-judges.ts';
import { rfc4514 } from './name-text.ts';
import { punycodeDecode, toUnicodeHostname } from './punycode.ts';

const NAMES_PY = `
import json
from cryptography import x509
from cryptography.x509.oid import NameOID, ObjectIdentifier
from cryptography.x509.name import _ASN1Type
A = x509.NameAttribute
R = x509.RelativeDistinguishedName
rows = {
  'plain': [A(NameOID.COUNTRY_NAME, 'DE'), A(NameOID.ORGANIZATION_NAME, 'Acme'), A(NameOID.COMMON_NAME, 'node1')],
  'comma plus and semicolon': [A(NameOID.ORGANIZATION_NAME, 'Acme, Inc.+Co;Ltd')],
  'quotes backslash angle brackets': [A(NameOID.COMMON_NAME, 'a"b\\\\c<d>e')],
  'leading hash': [A(NameOID.COMMON_NAME, '#not-hex')],
  'leading and trailing space': [A(NameOID.COMMON_NAME, ' padded ')],
  'equals sign stays': [A(NameOID.COMMON_NAME, 'a=b')],
  'non-ASCII UTF-8': [A(NameOID.LOCALITY_NAME, 'München'), A(NameOID.COMMON_NAME, '例え')],
  'BMPString': [A(NameOID.COMMON_NAME, 'Bütün', _ASN1Type.BMPString)],
  'UniversalString': [A(NameOID.COMMON_NAME, 'Ünï', _ASN1Type.UniversalString)],
  'email, DC, UID, street': [A(NameOID.DOMAIN_COMPONENT, 'example'), A(NameOID.USER_ID, 'u1'), A(NameOID.STREET_ADDRESS, 'Main St 1'), A(NameOID.EMAIL_ADDRESS, 'a@example.com')],
  'unknown OID and serialNumber': [A(ObjectIdentifier('1.2.3.4.5'), 'custom'), A(NameOID.SERIAL_NUMBER, '42')],
  'OU, ST, title': [A(NameOID.STATE_OR_PROVINCE_NAME, 'Bavaria'), A(NameOID.ORGANIZATIONAL_UNIT_NAME, 'Ops'), A(NameOID.TITLE, 'Dr')],
}
out = []
for label, attrs in rows.items():
    n = x509.Name(attrs)
    out.append({'name': label, 'der': n.public_bytes().hex(), 'want': n.rfc4514_string()})
multi = x509.Name([R([A(NameOID.COMMON_NAME, 'a'), A(NameOID.ORGANIZATION_NAME, 'b')]), R([A(NameOID.COUNTRY_NAME, 'US')])])
out.append({'name': 'multi-valued RDN', 'der': multi.public_bytes().hex(), 'want': multi.rfc4514_string()})
empty = x509.Name([])
out.append({'name': 'empty name', 'der': empty.public_bytes().hex(), 'want': empty.rfc4514_string()})
print(json.dumps(out))
`;

const IDN_PY = `
import json
labels = ['bücher', 'münchen', 'ελλάδα', '例え', 'テスト', 'straße', 'россия', 'a-b-ç']
print(json.dumps([{'u': u, 'a': u.encode('punycode').decode()} for u in labels]))
`;

function hexToBytes(hex: string): Uint8Array {
  return new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
}

describe('rfc4514 matches Python cryptography', () => {
  const rows = JSON.parse(python(NAMES_PY)) as { name: string; der: string; want: string }[];
  for (const row of rows) {
    it(row.name, () => expect(rfc4514(hexToBytes(row.der))).toBe(row.want));
  }
});

describe('punycode decoding matches Python', () => {
  const rows = JSON.parse(python(IDN_PY)) as { u: string; a: string }[];
  for (const row of rows) {
    it(`${row.a} -> ${row.u}`, () => expect(punycodeDecode(row.a)).toBe(row.u));
  }
  const hostRows = [
    { name: 'A-label host', input: 'xn--bcher-kva.example', want: 'bücher.example' },
    { name: 'wildcard with A-label', input: '*.xn--mnchen-3ya.de', want: '*.münchen.de' },
    { name: 'upper-case prefix', input: 'XN--BCHER-KVA.example', want: 'bücher.example' },
    { name: 'ASCII host has no U-label form', input: 'node1.example', want: undefined },
    { name: 'broken punycode gives nothing', input: 'xn--a-.example', want: undefined },
  ];
  for (const row of hostRows) it(row.name, () => expect(toUnicodeHostname(row.input)).toBe(row.want));
});
