/**
 * Extension decoders by OID, with the fallback for everything else: an unknown or undecodable
 * extension shows its OID, criticality and value in hex, and never hides the rest of the item.
 * Adding a decoder is adding a file and a line here.
 */
import type { RawExtension } from '../../model/certificate.ts';
import { toHex } from '../../asn1/values.ts';
import { EXTENSION_NAMES } from '../../model/oids.ts';
import { node, type TreeNode } from '../tree.ts';
import { issuerAltName, subjectAltName } from './alt-names.ts';
import { basicConstraints } from './basic-constraints.ts';
import { certificatePolicies } from './certificate-policies.ts';
import type { ExtensionDecoder } from './decoder.ts';
import { crlDistributionPoints, freshestCrl } from './distribution-points.ts';
import { extendedKeyUsage } from './extended-key-usage.ts';
import { authorityInfoAccess, subjectInfoAccess } from './information-access.ts';
import { authorityKeyIdentifier, subjectKeyIdentifier } from './key-identifiers.ts';
import { keyUsage } from './key-usage.ts';
import { nameConstraints } from './name-constraints.ts';
import {
  crlNumber,
  crlReason,
  inhibitAnyPolicy,
  precertificatePoison,
  signedCertificateTimestamps,
} from './small-extensions.ts';

export const EXTENSION_DECODERS: ReadonlyMap<string, ExtensionDecoder> = new Map(
  [
    basicConstraints,
    keyUsage,
    extendedKeyUsage,
    subjectAltName,
    issuerAltName,
    subjectKeyIdentifier,
    authorityKeyIdentifier,
    crlDistributionPoints,
    freshestCrl,
    authorityInfoAccess,
    subjectInfoAccess,
    certificatePolicies,
    nameConstraints,
    crlNumber,
    crlReason,
    inhibitAnyPolicy,
    signedCertificateTimestamps,
    precertificatePoison,
  ].map((d) => [d.oid, d]),
);

const HEX_LIMIT = 512;

function rawNode(ext: RawExtension, name: string, note: string): TreeNode {
  const hex = toHex(ext.value.subarray(0, HEX_LIMIT), ':');
  const more = ext.value.length > HEX_LIMIT ? ` … (${ext.value.length} bytes)` : '';
  return node(
    name,
    undefined,
    [node('OID', ext.oid), node('Critical', ext.critical ? 'yes' : 'no'), node('Value (DER hex)', hex + more)],
    note,
  );
}

/** One extension as a tree node; never throws. */
export function explainExtension(ext: RawExtension): TreeNode {
  const decoder = EXTENSION_DECODERS.get(ext.oid);
  const name = decoder?.name ?? EXTENSION_NAMES[ext.oid] ?? `Extension ${ext.oid}`;
  if (!decoder) return rawNode(ext, name, 'not decoded by certbench; shown raw');
  try {
    const d = decoder.decode(ext.value);
    const children = ext.critical ? [node('Critical', 'yes'), ...(d.children ?? [])] : d.children;
    return node(name, d.value, children);
  } catch (e) {
    const why = e instanceof Error && e.message ? `: ${e.message}` : '';
    return rawNode(ext, name, `this extension does not decode${why}; shown raw`);
  }
}
