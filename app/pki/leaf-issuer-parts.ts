/**
 * An issuer's own pieces of its leaves' TBS, written as the general path (signLeaf) writes them
 * but without its per-issuer @peculiar/x509 round trips once they have shown what they write:
 * the issuer Name (`new Name(subjectDer)`, X509CertificateGenerator.create) and the
 * AuthorityKeyIdentifier extension (leafExtensions). The batch's proof (leaf-template-proof.ts)
 * holds a whole TBS built from these to the general path's; this module only decides, per shape,
 * when the general encoder's answer is known without calling it.
 */
import { AuthorityKeyIdentifierExtension, Name } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { DerBuffer, TAG, tlvSize } from './der-writer.ts';
import type { LoadedIssuer } from './issuer.ts';
import { plainNameShape } from './plain-name.ts';

/** An issuer's Name and AuthorityKeyIdentifier extension, DER, as its leaves carry them. */
export interface IssuerParts {
  name: Uint8Array;
  aki: Uint8Array;
}

/**
 * What an issuer puts in its leaves' TBS, as the general path writes it: its Name as
 * X509CertificateGenerator writes `new Name(issuer.subjectDer)`, and the AuthorityKeyIdentifier
 * leafExtensions makes from its key id. Kept per issuer: a cluster's node and client batches share them.
 */
let partsByIssuer = new WeakMap<LoadedIssuer, IssuerParts>();

export function issuerParts(issuer: LoadedIssuer): IssuerParts {
  let parts = partsByIssuer.get(issuer);
  if (!parts) {
    parts = { name: issuerNameDer(issuer.subjectDer), aki: authorityKeyIdDer(issuer.keyId) };
    partsByIssuer.set(issuer, parts);
  }
  return parts;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Plain Name shapes @peculiar/x509 wrote back as they were (plain-name.ts), in this module's life.
 * An issuer whose subject is a plain Name of such a shape is its own leaves' issuer Name; any
 * other subject goes through @peculiar/x509's Name every time. In a Chromium profile of warm
 * 100-node clusters, the schema round trip per issuer (a new root each cluster) was as heavy as
 * making the root on its fast path.
 */
const writtenAsIs = new Set<string>();

/** `new Name(subjectDer).toArrayBuffer()`, as the general path writes the issuer of a leaf. */
function issuerNameDer(subjectDer: ArrayBuffer): Uint8Array {
  const subject = new Uint8Array(subjectDer);
  const shape = plainNameShape(subject);
  if (shape !== undefined && writtenAsIs.has(shape)) return subject;
  const written = new Uint8Array(new Name(subjectDer).toArrayBuffer());
  if (shape !== undefined && sameBytes(written, subject)) writtenAsIs.add(shape);
  return written;
}

/**
 * Key id lengths for which the DER writer's AuthorityKeyIdentifier (authorityKeyIdWritten) was
 * what @peculiar/x509's AuthorityKeyIdentifierExtension writes, in this module's life. The
 * extension's octets depend on the key id's length alone besides the key id itself.
 */
const akiLengthsProven = new Set<number>();

/** `new AuthorityKeyIdentifierExtension(keyId, false).rawData`, as leafExtensions writes it. */
function authorityKeyIdDer(keyIdHex: string): Uint8Array {
  const keyId = new Uint8Array(Convert.FromHex(keyIdHex));
  const written = authorityKeyIdWritten(keyId);
  if (akiLengthsProven.has(keyId.length)) return written;
  const general = new Uint8Array(new AuthorityKeyIdentifierExtension(keyIdHex, false).rawData);
  if (!sameBytes(general, written)) return general;
  akiLengthsProven.add(keyId.length);
  return written;
}

/** Extension { authorityKeyIdentifier, not critical, AuthorityKeyIdentifier { [0] keyId } } (RFC 5280 §4.2.1.1). */
function authorityKeyIdWritten(keyId: Uint8Array): Uint8Array {
  const aki = tlvSize(keyId.length);
  const value = tlvSize(aki);
  const content = OID_AKI.length + tlvSize(value);
  return new DerBuffer(tlvSize(content))
    .header(TAG.SEQUENCE, content)
    .put(OID_AKI)
    .header(TAG.OCTET_STRING, value)
    .header(TAG.SEQUENCE, aki)
    .header(KEY_IDENTIFIER, keyId.length)
    .put(keyId)
    .done();
}

const OID_AKI = new Uint8Array([0x06, 0x03, 0x55, 0x1d, 0x23]);
/** AuthorityKeyIdentifier's keyIdentifier: [0] IMPLICIT OCTET STRING. */
const KEY_IDENTIFIER = 0x80;

/** Forget what the general encoders were seen to write (tests: the next issuer proves it again). */
export function forgetIssuerParts(): void {
  writtenAsIs.clear();
  akiLengthsProven.clear();
  partsByIssuer = new WeakMap();
}
