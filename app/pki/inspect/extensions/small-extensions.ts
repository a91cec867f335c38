/**
 * Extensions with a one-value body: CRL number and reason (RFC 5280 §5.2.3, §5.3.1), inhibit
 * anyPolicy (§4.2.1.14), the Certificate Transparency SCT list (RFC 6962 §3.3, counted) and its
 * precertificate poison.
 */
import { integerHex } from '../../asn1/values.ts';
import { isUniversal, readWhole, TAG } from '../../asn1/tlv.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';
import { crlReasonName } from '../../model/crl-reasons.ts';

function integerValue(value: Uint8Array): string {
  return BigInt(`0x${integerHex(value, readWhole(value))}`).toString();
}

export const crlNumber: ExtensionDecoder = {
  oid: '2.5.29.20',
  name: 'CRL number',
  decode: (v) => ({ value: integerValue(v) }),
};

export const inhibitAnyPolicy: ExtensionDecoder = {
  oid: OID.inhibitAnyPolicy,
  name: 'Inhibit anyPolicy',
  decode: (v) => ({ value: `skip ${integerValue(v)} certificates` }),
};

export const crlReason: ExtensionDecoder = {
  oid: '2.5.29.21',
  name: 'CRL reason',
  decode(value) {
    const t = readWhole(value);
    if (!isUniversal(t, 10)) throw new Error('reason is not an ENUMERATED');
    const code = value[t.contentStart] ?? 0;
    return { value: crlReasonName(code) ?? (code === 7 ? '(7 unused)' : String(code)) };
  },
};

export const signedCertificateTimestamps: ExtensionDecoder = {
  oid: '1.3.6.1.4.1.11129.2.4.2',
  name: 'Certificate Transparency SCTs',
  decode(value) {
    const t = readWhole(value);
    if (!isUniversal(t, TAG.OCTET_STRING)) throw new Error('SCT list is not an OCTET STRING');
    const list = value.subarray(t.contentStart, t.contentEnd);
    let count = 0;
    for (let p = 2; p + 2 <= list.length; count++) p += 2 + (((list[p] ?? 0) << 8) | (list[p + 1] ?? 0));
    return { value: `${count} signed certificate timestamp${count === 1 ? '' : 's'}` };
  },
};

export const precertificatePoison: ExtensionDecoder = {
  oid: '1.3.6.1.4.1.11129.2.4.3',
  name: 'Precertificate poison',
  decode(value) {
    if (!isUniversal(readWhole(value), TAG.NULL)) throw new Error('poison is not NULL');
    return { value: 'this is a precertificate, not usable for TLS' };
  },
};
