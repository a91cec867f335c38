/** subjectKeyIdentifier and authorityKeyIdentifier (RFC 5280 §4.2.1.1, §4.2.1.2). */
import { integerHex, toHex } from '../../asn1/values.ts';
import { childrenOf, isUniversal, readWhole, TAG } from '../../asn1/tlv.ts';
import { generalNameNode, generalNameOf, type GeneralNameText } from '../general-name.ts';
import { node, type TreeNode } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';

/** The key identifier's octets (a view); throws when the value is not an OCTET STRING. */
function subjectKeyIdBytes(value: Uint8Array): Uint8Array {
  const t = readWhole(value);
  if (!isUniversal(t, TAG.OCTET_STRING) || t.constructed) throw new Error('SKI is not an OCTET STRING');
  return value.subarray(t.contentStart, t.contentEnd);
}

export function decodeSubjectKeyId(value: Uint8Array): string {
  return toHex(subjectKeyIdBytes(value), ':');
}

export const subjectKeyIdentifier: ExtensionDecoder = {
  oid: OID.subjectKeyId,
  name: 'Subject key identifier',
  check: subjectKeyIdBytes,
  decode: (value) => ({ value: decodeSubjectKeyId(value) }),
};

/** One field of an AuthorityKeyIdentifier, in encoded order. */
type AkiField =
  { kind: 'keyId'; bytes: Uint8Array } | { kind: 'issuer'; names: GeneralNameText[] } | { kind: 'serial'; hex: string };

/** The fields of an AuthorityKeyIdentifier; throws on anything else. */
function authorityKeyIdFields(value: Uint8Array): AkiField[] {
  return childrenOf(value, readWhole(value)).map((t): AkiField => {
    const tag = t.cls === 2 ? t.tagNumber : -1;
    if (tag === 0 && !t.constructed) return { kind: 'keyId', bytes: value.subarray(t.contentStart, t.contentEnd) };
    if (tag === 1) return { kind: 'issuer', names: childrenOf(value, t).map((g) => generalNameOf(value, g)) };
    // [2] IMPLICIT INTEGER: read its content as an unsigned serial.
    if (tag === 2) return { kind: 'serial', hex: integerHex(value, { ...t, cls: 0, tagNumber: TAG.INTEGER }) };
    throw new Error('unexpected field in authorityKeyIdentifier');
  });
}

export const authorityKeyIdentifier: ExtensionDecoder = {
  oid: OID.authorityKeyId,
  name: 'Authority key identifier',
  check: authorityKeyIdFields,
  decode(value) {
    const children: TreeNode[] = [];
    let keyId: string | undefined;
    for (const field of authorityKeyIdFields(value)) {
      if (field.kind === 'keyId') {
        keyId = toHex(field.bytes, ':');
        children.push(node('Key identifier', keyId));
      } else if (field.kind === 'issuer') children.push(node('Issuer', undefined, field.names.map(generalNameNode)));
      else children.push(node('Issuer serial', field.hex));
    }
    return { ...(keyId ? { value: keyId } : {}), children };
  },
};
