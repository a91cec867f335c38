/**
 * CSRs, keys and CRLs as trees. Smaller than certificates, and sharing its pieces: names,
 * public keys and the extension registry. Keys list the loaded certificates and CSRs that carry
 * their public key (SPKI compared byte for byte).
 */
import { crlModel } from '../read/crl-model.ts';
import { parsePkcs8 } from '../read/parsed.ts';
import { requestModel } from '../read/request-model.ts';
import { certificateModel } from '../model/certificate.ts';
import type { CrlItem, CsrItem, Item, PrivateKeyItem, PublicKeyItem } from '../read/types.ts';
import { explainExtension } from './extensions/registry.ts';
import { nameNode } from './name-text.ts';
import { oidLabel, SIGNATURE_ALGORITHMS } from '../model/oids.ts';
import { publicKeyNode } from './public-key.ts';
import { node, type TreeNode } from './tree.ts';
import { isoTime } from './validity.ts';
import { parseMlDsaPkcs8 } from '../ml-dsa/encodings.ts';

const FORMAT_TEXT: Record<string, string> = {
  pkcs8: 'PKCS#8',
  'encrypted-pkcs8': 'encrypted PKCS#8 (decrypted)',
  pkcs1: 'PKCS#1 RSA (wrapped into PKCS#8)',
  sec1: 'SEC1 EC (wrapped into PKCS#8)',
  pkcs12: 'from a PKCS#12 file',
  spki: 'SubjectPublicKeyInfo',
  'pkcs1-public': 'PKCS#1 RSA public key (wrapped into SPKI)',
};

const MAX_REVOKED_SHOWN = 1000;

export function explainCsr(item: CsrItem): TreeNode {
  const m = requestModel(item.der);
  const valid =
    item.signatureValid === null
      ? 'not checked (algorithm not available here)'
      : item.signatureValid
        ? 'valid'
        : 'INVALID';
  const children: TreeNode[] = [
    nameNode('Subject', m.subject),
    publicKeyNode(m.spki),
    node('Signature algorithm', oidLabel(m.signatureAlgorithm.oid, SIGNATURE_ALGORITHMS)),
    node(
      'Signature',
      valid,
      undefined,
      item.signatureValid === false ? 'the request was altered or signed with another key' : undefined,
    ),
  ];
  if (m.extensions.length)
    children.push(node('Requested extensions', String(m.extensions.length), m.extensions.map(explainExtension)));
  for (const a of m.attributes) children.push(node('Attribute', a.oid));
  return node('Certificate request', item.source, children);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Sources of the certificates and CSRs among `others` that carry this public key. */
function matching(spki: Uint8Array, others: readonly Item[]): string[] {
  const out: string[] = [];
  for (const o of others) {
    try {
      if (o.kind === 'certificate' && sameBytes(certificateModel(o.der).spki, spki))
        out.push(`certificate ${o.source}`);
      else if (o.kind === 'csr' && sameBytes(requestModel(o.der).spki, spki)) out.push(`request ${o.source}`);
    } catch {
      // An item that does not decode matches nothing.
    }
  }
  return out;
}

function matchNode(spki: Uint8Array, others: readonly Item[] | undefined): TreeNode[] {
  if (!others) return [];
  const found = matching(spki, others);
  return [
    node(
      'Matches',
      found.length ? found.join(', ') : 'no loaded certificate or request',
      undefined,
      found.length ? undefined : 'load the certificate to check that it belongs to this key',
    ),
  ];
}

export function explainPrivateKey(item: PrivateKeyItem, others?: readonly Item[]): TreeNode {
  const info = parsePkcs8(item.der);
  const children: TreeNode[] = [node('Format', FORMAT_TEXT[item.format] ?? item.format)];
  if (item.publicKeyDer) children.push(...matchNode(new Uint8Array(item.publicKeyDer), others));
  if (item.publicKeyDer) children.unshift(publicKeyNode(new Uint8Array(item.publicKeyDer), 'Key'));
  else
    children.unshift(
      node(
        'Key',
        info.privateKeyAlgorithm.algorithm,
        undefined,
        'the public half could not be derived, so this key cannot be matched to certificates',
      ),
    );
  const form = mlDsaFormNode(item.der);
  if (form) children.splice(1, 0, form);
  return node('Private key', item.source, children);
}

const ML_DSA_FORM_TEXT = {
  seed: ['seed only', 'the 32-byte seed the key is expanded from: the form certbench writes (RFC 9881 §6)'],
  expanded: ['expanded key only', 'no seed: it signs, but can never be written back in the compact seed form'],
  both: ['seed and expanded key', 'both RFC 9881 §6 forms; the expanded key must be what the seed expands to'],
} as const;

/** For an ML-DSA key, which RFC 9881 §6 private key form it is in; undefined for other keys or damaged ones. */
function mlDsaFormNode(der: ArrayBuffer): TreeNode | undefined {
  try {
    const parsed = parseMlDsaPkcs8(new Uint8Array(der));
    if (!parsed) return undefined;
    const [value, note] = ML_DSA_FORM_TEXT[parsed.form];
    return node('Private key form', value, undefined, note);
  } catch {
    return undefined;
  }
}

export function explainPublicKey(item: PublicKeyItem, others?: readonly Item[]): TreeNode {
  const spki = new Uint8Array(item.der);
  return node('Public key', item.source, [
    publicKeyNode(spki, 'Key'),
    node('Format', FORMAT_TEXT[item.format] ?? item.format),
    ...matchNode(spki, others),
  ]);
}

export function explainCrl(item: CrlItem): TreeNode {
  const m = crlModel(item.der);
  const revoked = m.revoked.slice(0, MAX_REVOKED_SHOWN).map((r) => {
    const reasons = r.extensions.map(explainExtension);
    return node(r.serialHex, isoTime(r.date), reasons);
  });
  const more = m.revoked.length > MAX_REVOKED_SHOWN ? `first ${MAX_REVOKED_SHOWN} shown` : undefined;
  const children: TreeNode[] = [
    nameNode('Issuer', m.issuer),
    node('This update', isoTime(m.thisUpdate)),
    node('Next update', m.nextUpdate ? isoTime(m.nextUpdate) : '(none)'),
    node('Signature algorithm', oidLabel(m.signatureAlgorithm.oid, SIGNATURE_ALGORITHMS)),
    node('Revoked certificates', String(m.revoked.length), revoked, more),
  ];
  if (m.extensions.length)
    children.push(node('Extensions', String(m.extensions.length), m.extensions.map(explainExtension)));
  return node('CRL', item.source, children);
}
