/** cRLDistributionPoints and freshestCRL (RFC 5280 §4.2.1.13, §4.2.1.15). */
import { bitStringOf } from '../../asn1/values.ts';
import { childrenOf, readWhole, type Tlv } from '../../asn1/tlv.ts';
import { generalNameNode, generalNameOf } from '../general-name.ts';
import { nameNodes } from '../name-text.ts';
import { node, type TreeNode } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';

const REASONS = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
];

function names(buf: Uint8Array, t: Tlv): TreeNode[] {
  return childrenOf(buf, t).map((g) => generalNameNode(generalNameOf(buf, g)));
}

function distributionPoint(buf: Uint8Array, dp: Tlv, index: number): TreeNode {
  const children: TreeNode[] = [];
  for (const field of childrenOf(buf, dp)) {
    const tag = field.cls === 2 ? field.tagNumber : -1;
    if (tag === 0) {
      const [choice] = childrenOf(buf, field);
      const choiceTag = choice?.cls === 2 ? choice.tagNumber : -1;
      if (choice && choiceTag === 0) children.push(...names(buf, choice));
      else if (choice && choiceTag === 1) {
        // nameRelativeToCRLIssuer is an RDN (SET), shown through a one-RDN name.
        const rdn = buf.subarray(choice.start, choice.end).slice();
        rdn[0] = 0x31;
        const name = new Uint8Array([0x30, rdn.length, ...rdn]);
        children.push(node('Relative name', undefined, rdn.length < 128 ? nameNodes(name) : []));
      }
    } else if (tag === 1) {
      const bits = bitStringOf(buf, { ...field, cls: 0, tagNumber: 3 });
      const set = REASONS.filter((_, i) => i < bits.bitLength && ((bits.bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
      children.push(node('Reasons', set.join(', ')));
    } else if (tag === 2) {
      children.push(node('CRL issuer', undefined, names(buf, field)));
    } else throw new Error('unexpected field in DistributionPoint');
  }
  const first = children[0];
  return node(
    `Distribution point ${index + 1}`,
    children.length === 1 ? first?.value : undefined,
    children.length === 1 ? [] : children,
  );
}

function points(oid: string, name: string): ExtensionDecoder {
  return {
    oid,
    name,
    decode(value) {
      const dps = childrenOf(value, readWhole(value));
      const children = dps.map((dp, i) => distributionPoint(value, dp, i));
      return {
        value:
          children
            .map((c) => c.value)
            .filter(Boolean)
            .join(', ') || undefined,
        children,
      };
    },
  };
}

export const crlDistributionPoints = points('2.5.29.31', 'CRL distribution points');
export const freshestCrl = points('2.5.29.46', 'Freshest CRL');
