/** nameConstraints (RFC 5280 §4.2.1.10): permitted and excluded subtrees. */
import { childrenOf, isContext, readWhole, type Tlv } from '../../asn1/tlv.ts';
import { generalNameNode, generalNameOf } from '../general-name.ts';
import { node, type TreeNode } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';

function subtrees(buf: Uint8Array, t: Tlv): TreeNode[] {
  return childrenOf(buf, t).map((subtree) => {
    const [base] = childrenOf(buf, subtree);
    if (!base) throw new Error('empty GeneralSubtree');
    return generalNameNode(generalNameOf(buf, base));
  });
}

export const nameConstraints: ExtensionDecoder = {
  oid: OID.nameConstraints,
  name: 'Name constraints',
  decode(value) {
    const children: TreeNode[] = [];
    for (const t of childrenOf(value, readWhole(value))) {
      if (isContext(t, 0)) children.push(node('Permitted', undefined, subtrees(value, t)));
      else if (isContext(t, 1)) children.push(node('Excluded', undefined, subtrees(value, t)));
      else throw new Error('unexpected field in nameConstraints');
    }
    return { children };
  },
};
