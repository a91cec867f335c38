/**
 * The subject a signed request gets: the requester's own Name, RDN order, string types and
 * attributes certbench has no field for included. Rebuilding it from parsed fields reordered it
 * (a request for CN, O, OU came back O, OU, CN) and re-typed its strings.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name as AsnName, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { Name } from '@peculiar/x509';

const OID_COMMON_NAME = '2.5.4.3';

/**
 * `requested` (the request's subject, DER) as the certificate's subject. With `commonName`, every CN
 * value becomes that name (UTF8String, RFC 5280 section 4.1.2.6) in place; a subject without a CN
 * gets one as its last RDN. Everything else is kept as encoded.
 */
export function issuedSubject(requested: ArrayBuffer, commonName?: string): Name {
  if (commonName === undefined) return new Name(requested);
  const name = AsnConvert.parse(requested, AsnName);
  let replaced = false;
  for (const rdn of name) {
    for (const atv of rdn) {
      if (atv.type !== OID_COMMON_NAME) continue;
      atv.value = new AttributeValue({ utf8String: commonName });
      replaced = true;
    }
  }
  if (!replaced) {
    name.push(
      new RelativeDistinguishedName([
        new AttributeTypeAndValue({ type: OID_COMMON_NAME, value: new AttributeValue({ utf8String: commonName }) }),
      ]),
    );
  }
  return new Name(AsnConvert.serialize(name));
}
