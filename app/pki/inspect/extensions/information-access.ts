/** authorityInfoAccess and subjectInfoAccess (RFC 5280 §4.2.2.1, §4.2.2.2). */
import { childrenOf, oidOf, readWhole } from '../../asn1/tlv.ts';
import { generalNameOf } from '../general-name.ts';
import { ACCESS_METHODS } from '../../model/oids.ts';
import { node } from '../tree.ts';
import type { ExtensionDecoder } from './decoder.ts';

function access(oid: string, name: string): ExtensionDecoder {
  return {
    oid,
    name,
    decode(value) {
      const children = childrenOf(value, readWhole(value)).map((ad) => {
        const [method, location] = childrenOf(value, ad);
        if (!method || !location) throw new Error('AccessDescription without method or location');
        const m = oidOf(value, method);
        const loc = generalNameOf(value, location);
        return node(ACCESS_METHODS[m] ?? m, loc.value, undefined, loc.unicode ? `IDN: ${loc.unicode}` : undefined);
      });
      return { children };
    },
  };
}

export const authorityInfoAccess = access('1.3.6.1.5.5.7.1.1', 'Authority information access');
export const subjectInfoAccess = access('1.3.6.1.5.5.7.1.11', 'Subject information access');
