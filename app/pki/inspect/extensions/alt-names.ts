/** subjectAltName and issuerAltName (RFC 5280 §4.2.1.6, §4.2.1.7). */
import { generalNameNode, generalNamesOf } from '../general-name.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { OID } from '../../model/oids.ts';

function altNames(oid: string, name: string): ExtensionDecoder {
  return {
    oid,
    name,
    check: generalNamesOf,
    decode(value) {
      const names = generalNamesOf(value);
      return { value: `${names.length} name${names.length === 1 ? '' : 's'}`, children: names.map(generalNameNode) };
    },
  };
}

export const subjectAltName = altNames(OID.subjectAltName, 'Subject alternative names');
export const issuerAltName = altNames('2.5.29.18', 'Issuer alternative names');
