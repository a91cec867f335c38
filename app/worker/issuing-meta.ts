/** Plain facts about a certificate for the workspace list (ItemMeta), read in the worker. */
import { X509Certificate } from '@peculiar/x509';
import { pemDecodeAll, PkiError, type SanEntry } from '../pki/light/index.ts';
import type { ItemMeta } from '../store/types.ts';
import type { IssuerInput } from './pki-contract.ts';
import type { CaMaterial } from '../pki/index.ts';

/** PEM texts joined one per block, without blank runs. */
export function joinPem(...parts: (string | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .map((p) => `${p}\n`)
    .join('');
}

/** The core's CaMaterial for a workspace CA: its certificate, key, and everything above it (the core drops the root). */
export function caMaterial(issuer: IssuerInput): CaMaterial {
  if (!issuer.keyPem)
    throw new PkiError('invalid-key', 'issuer', 'This CA has no private key in the workspace, so it cannot sign.');
  return { certPem: issuer.certPem, keyPem: issuer.keyPem, chainPem: joinPem(issuer.certPem, issuer.chainPem) };
}

/** The workspace chain of something `issuer` signed: the issuer, then everything above it. */
export function chainAbove(issuer: IssuerInput): string {
  return joinPem(issuer.certPem, issuer.chainPem);
}

function keyLabel(cert: X509Certificate): string {
  const alg = cert.publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  if (alg.namedCurve) return `ECDSA ${alg.namedCurve}`;
  if (alg.modulusLength) return `RSA ${alg.modulusLength}`;
  return alg.name;
}

/** Subject, issuer, serial, validity, key and SANs of the first certificate in `pem`. */
export function certificateMeta(pem: string, extra: ItemMeta = {}, sans?: readonly SanEntry[]): ItemMeta {
  const block = pemDecodeAll(pem).blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new PkiError('invalid-pem', 'cert', 'No PEM CERTIFICATE found.');
  const cert = new X509Certificate(block.der);
  const meta: ItemMeta = {
    subject: cert.subject,
    issuer: cert.issuer,
    serial: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyAlgorithm: keyLabel(cert),
    ...extra,
  };
  if (sans?.length) meta.sans = sans.map((s) => ({ kind: s.kind, value: s.value }));
  return meta;
}
