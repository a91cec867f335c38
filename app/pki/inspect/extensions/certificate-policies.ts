/** certificatePolicies (RFC 5280 §4.2.1.4): policy OIDs with CPS URIs and user notices. */
import { stringOf } from '../../asn1/values.ts';
import { childrenOf, isUniversal, oidOf, readWhole, TAG, type Tlv } from '../../asn1/tlv.ts';
import { oidLabel, POLICY_NAMES, OID } from '../../model/oids.ts';
import { node, type TreeNode } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';

const CPS = '1.3.6.1.5.5.7.2.1';
const USER_NOTICE = '1.3.6.1.5.5.7.2.2';

function qualifier(buf: Uint8Array, q: Tlv): TreeNode {
  const [idTlv, value] = childrenOf(buf, q);
  if (!idTlv) throw new Error('policy qualifier without an OID');
  const id = oidOf(buf, idTlv);
  if (id === CPS) return node('CPS', stringOf(buf, value) ?? '');
  if (id === USER_NOTICE && isUniversal(value, TAG.SEQUENCE)) {
    // UserNotice: optional noticeRef (a SEQUENCE), optional explicitText (a string).
    const text = childrenOf(buf, value)
      .map((t) => stringOf(buf, t))
      .find((s) => s !== undefined);
    return node('User notice', text ?? '(reference only)');
  }
  return node('Qualifier', id);
}

export const certificatePolicies: ExtensionDecoder = {
  oid: OID.certificatePolicies,
  name: 'Certificate policies',
  decode(value) {
    const policies = childrenOf(value, readWhole(value)).map((pi) => {
      const [idTlv, qualifiers] = childrenOf(value, pi);
      if (!idTlv) throw new Error('PolicyInformation without an OID');
      const quals = qualifiers ? childrenOf(value, qualifiers).map((q) => qualifier(value, q)) : [];
      return node('Policy', oidLabel(oidOf(value, idTlv), POLICY_NAMES), quals);
    });
    return { children: policies };
  },
};
