/**
 * One read of a CRL's DER (RFC 5280 §5.1) into the facts revocation checking needs, in the
 * same strict DER style as cert-facts.ts: the signed part and signature for verification,
 * issuer name, update times, revoked entries with their extensions, and the CRL extensions.
 */
import { parseNameElement, type ParsedName } from '../model/names.ts';
import {
  bitStringBytes,
  booleanOf,
  children,
  isContext,
  isUniversal,
  oidOf,
  parseDer,
  smallInt,
  TAG,
  timeOf,
  type DerNode,
} from '../asn1/der-node.ts';
import type { ExtensionFacts } from '../model/cert-facts.ts';

export interface CrlEntryFacts {
  /** Content octets of the userCertificate INTEGER, as encoded (compare with CertFacts.serial). */
  serial: Uint8Array;
  revocationDate: Date;
  extensions: ExtensionFacts[];
}

export interface CrlFacts {
  version: number;
  /** The same four fields as CertFacts carries, so the certificate signature verifier can check a CRL. */
  signatureOid: string;
  signatureParams?: Uint8Array;
  tbs: Uint8Array;
  signature: Uint8Array;
  issuer: ParsedName;
  thisUpdate: Date;
  nextUpdate?: Date;
  entries: CrlEntryFacts[];
  extensions: ExtensionFacts[];
}

function extensionsOf(seq: DerNode | undefined): ExtensionFacts[] {
  return children(seq).map((ext) => {
    const parts = children(ext);
    const critical = isUniversal(parts[1], TAG.BOOLEAN) ? booleanOf(parts[1]) : false;
    const value = parts[parts.length - 1];
    const oid = oidOf(parts[0]);
    if (!oid || !isUniversal(value, TAG.OCTET_STRING)) throw new Error('bad extension');
    return { oid, critical, value: value.content };
  });
}

const isTime = (n: DerNode | undefined) => isUniversal(n, TAG.UTC_TIME) || isUniversal(n, TAG.GENERALIZED_TIME);

/** Decode a CRL's DER into facts. Throws when the DER is not a CertificateList. */
export function crlFactsFromDer(raw: Uint8Array): CrlFacts {
  // The facts are views into this copy, so later changes to the caller's buffer cannot reach them.
  const [tbs, sigAlg, sigValue, more] = children(parseDer(raw.slice()));
  if (!isUniversal(tbs, TAG.SEQUENCE) || !isUniversal(sigAlg, TAG.SEQUENCE) || more) throw new Error('not a CRL');
  let fields = children(tbs);
  let version = 1;
  if (isUniversal(fields[0], TAG.INTEGER)) {
    version = smallInt(fields[0]) + 1;
    fields = fields.slice(1);
  }
  const [, issuer, thisUpdate, ...rest] = fields;
  if (!issuer || !isTime(thisUpdate)) throw new Error('not a CRL');
  let i = 0;
  const nextUpdate = isTime(rest[i]) ? timeOf(rest[i++]).date : undefined;
  const entries: CrlEntryFacts[] = [];
  if (isUniversal(rest[i], TAG.SEQUENCE)) {
    for (const entry of children(rest[i++])) {
      const [serial, date, exts] = children(entry);
      if (!isUniversal(serial, TAG.INTEGER)) throw new Error('CRL entry without a serial');
      entries.push({ serial: serial.content, revocationDate: timeOf(date).date, extensions: extensionsOf(exts) });
    }
  }
  const extWrapper = rest[i];
  if (extWrapper && !isContext(extWrapper, 0)) throw new Error('unexpected field in TBSCertList');
  const sigParams = children(sigAlg)[1];
  return {
    version,
    signatureOid: oidOf(children(sigAlg)[0]),
    ...(sigParams && !(sigParams.cls === 0 && sigParams.tagNumber === 5) ? { signatureParams: sigParams.der } : {}), // 5: NULL
    tbs: tbs.der,
    signature: bitStringBytes(sigValue),
    issuer: parseNameElement(issuer),
    thisUpdate: timeOf(thisUpdate).date,
    ...(nextUpdate ? { nextUpdate } : {}),
    entries,
    extensions: extWrapper ? extensionsOf(children(extWrapper)[0]) : [],
  };
}
