/**
 * A certificate as a tree: names, serial, validity, key, signature algorithm, fingerprints and
 * every extension through the registry. Each part is guarded on its own, so a certificate
 * that @peculiar/x509 would refuse still shows everything that does decode.
 */
import { certificateModel } from '../model/certificate.ts';
import { integerHex, toHex } from '../asn1/values.ts';
import { TAG } from '../asn1/tlv.ts';
import type { CertificateItem } from '../read/types.ts';
import { explainExtension } from './extensions/registry.ts';
import { nameNode } from './name-text.ts';
import { oidLabel, SIGNATURE_ALGORITHMS } from '../model/oids.ts';
import { publicKeyNode } from './public-key.ts';
import { node, type TreeNode } from './tree.ts';
import { validityNode } from './validity.ts';

/** Serial as lowercase hex without a leading zero byte. */
export function serialHex(serial: Uint8Array): string {
  return integerHex(serial, {
    cls: 0,
    constructed: false,
    tagNumber: TAG.INTEGER,
    start: 0,
    contentStart: 0,
    contentEnd: serial.length,
    end: serial.length,
    indefinite: false,
  });
}

export function explainCertificate(item: CertificateItem, now: Date): TreeNode {
  const m = certificateModel(item.der);
  const sig = oidLabel(m.signatureAlgorithm.oid, SIGNATURE_ALGORITHMS);
  const sigNote =
    m.signatureAlgorithm.oid !== m.tbsSignature.oid
      ? `the signed part says ${m.tbsSignature.oid}: the two must match`
      : undefined;
  const children: TreeNode[] = [
    nameNode('Subject', m.subject),
    nameNode('Issuer', m.issuer),
    node('Serial number', toHex(m.serial.length > 1 && m.serial[0] === 0 ? m.serial.subarray(1) : m.serial, ':')),
    validityNode(m.notBefore, m.notAfter, now),
    publicKeyNode(m.spki),
    node('Signature algorithm', sig, undefined, sigNote),
    node('Fingerprints', undefined, [node('SHA-256', item.fingerprints.sha256), node('SHA-1', item.fingerprints.sha1)]),
    node('Version', String(m.version)),
  ];
  if (m.extensions.length)
    children.push(node('Extensions', String(m.extensions.length), m.extensions.map(explainExtension)));
  return node('Certificate', item.source, children);
}
