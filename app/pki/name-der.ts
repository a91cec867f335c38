/**
 * A subject Name (RFC 5280 §4.1.2.4) written as DER in one pass, for the root CA fast path
 * (ca-template.ts), where building it through @peculiar/x509's Name and its schema classes costs
 * more than the rest of the certificate. It writes what subjectName (names.ts) writes: one
 * attribute per RDN, C, ST, L, O, OU, CN in that order, PrintableString when the value is one
 * (isPrintableString) and UTF8String otherwise. ca-template-proof.ts holds the two equal on a
 * probe name before any root uses this, and name-der.test.ts over a table of names.
 */
import { DerBuffer, TAG, tlvSize } from './der-writer.ts';
import { isPrintableString, type SubjectFields } from './names.ts';

/** The attribute types of subjectName, in its order (names.ts ATTRIBUTES), as DER OIDs 2.5.4.x (X.520). */
const ATTRIBUTES: readonly { key: keyof SubjectFields; oid: Uint8Array }[] = [
  { key: 'country', oid: x520(6) },
  { key: 'state', oid: x520(8) },
  { key: 'locality', oid: x520(7) },
  { key: 'organization', oid: x520(10) },
  { key: 'organizationalUnit', oid: x520(11) },
  { key: 'commonName', oid: x520(3) },
];

function x520(arc: number): Uint8Array {
  return new Uint8Array([TAG.OID, 3, 0x55, 0x04, arc]);
}

const utf8 = new TextEncoder();

/**
 * The Name DER of fields that checkSubject has already trimmed and checked (an empty or absent
 * field is left out, as subjectName leaves it out).
 */
export function subjectNameDer(checked: SubjectFields): Uint8Array<ArrayBuffer> {
  const parts: { oid: Uint8Array; tag: number; bytes: Uint8Array; attribute: number }[] = [];
  let rdns = 0;
  for (const a of ATTRIBUTES) {
    const value = checked[a.key];
    if (!value) continue;
    const printable = isPrintableString(value);
    const bytes = utf8.encode(value);
    const attribute = a.oid.length + tlvSize(bytes.length);
    parts.push({ oid: a.oid, tag: printable ? TAG.PRINTABLE_STRING : TAG.UTF8_STRING, bytes, attribute });
    rdns += tlvSize(tlvSize(attribute));
  }
  const out = new DerBuffer(tlvSize(rdns)).header(TAG.SEQUENCE, rdns);
  for (const p of parts) {
    out.header(TAG.SET, tlvSize(p.attribute)).header(TAG.SEQUENCE, p.attribute).put(p.oid);
    out.header(p.tag, p.bytes.length).put(p.bytes);
  }
  return out.done();
}
