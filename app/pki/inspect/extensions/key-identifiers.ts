/** subjectKeyIdentifier and authorityKeyIdentifier (RFC 5280 §4.2.1.1, §4.2.1.2). */
import { integerHex, toHex } from '../../asn1/values.ts';
import { childrenOf, isUniversal, readWhole, TAG } from '../../asn1/tlv.ts';
import { generalNameNode, generalNameOf } from '../general-name.ts';
import { node, type TreeNode } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';

export function decodeSubjectKeyId(value: Uint8Array): string {
  const t = readWhole(value);
  if (!isUniversal(t, TAG.OCTET_STRING) || t.constructed) throw new Error('SKI is not an OCTET STRING');
  return toHex(value.subarray(t.contentStart, t.contentEnd), ':');
}

export const subjectKeyIdentifier: ExtensionDecoder = {
  oid: OID.subjectKeyId,
  name: 'Subject key identifier',
  decode: (value) => ({ value: decodeSubjectKeyId(value) }),
};

export const authorityKeyIdentifier: ExtensionDecoder = {
  oid: OID.authorityKeyId,
  name: 'Authority key identifier',
  decode(value) {
    const children: TreeNode[] = [];
    let keyId: string | undefined;
    for (const t of childrenOf(value, readWhole(value))) {
      const tag = t.cls === 2 ? t.tagNumber : -1;
      if (tag === 0 && !t.constructed) {
        keyId = toHex(value.subarray(t.contentStart, t.contentEnd), ':');
        children.push(node('Key identifier', keyId));
      } else if (tag === 1) {
        children.push(
          node(
            'Issuer',
            undefined,
            childrenOf(value, t).map((g) => generalNameNode(generalNameOf(value, g))),
          ),
        );
      } else if (tag === 2) {
        // [2] IMPLICIT INTEGER: read its content as an unsigned serial.
        const fake = { ...t, cls: 0, tagNumber: TAG.INTEGER };
        children.push(node('Issuer serial', integerHex(value, fake)));
      } else throw new Error('unexpected field in authorityKeyIdentifier');
    }
    return { ...(keyId ? { value: keyId } : {}), children };
  },
};
