/** Plain facts about a certificate for the workspace list (ItemMeta), read in the worker. */
import { Name, X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import {
  certificateModel,
  keyInfoOf,
  parseDer,
  plainNameShape,
  plainNameText,
  type KeyInfo,
} from '../pki/model/index.ts';
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

/**
 * The facts certificateMeta gives, read by @peculiar/x509 (a full schema parse of the
 * certificate): the reference the light read is held to (issuing-meta.test.ts), and the read for
 * keys the light one does not name.
 */
export function certificateFactsByX509(der: ArrayBuffer): ItemMeta {
  const cert = new X509Certificate(der);
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serial: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyAlgorithm: keyLabel(cert),
  };
}

/** WebCrypto's curves: @peculiar/x509 names these keys "ECDSA <curve>" as keyLabel reads them. */
const WEBCRYPTO_CURVES = new Set(['P-256', 'P-384', 'P-521']);

/** keyLabel's text for the keys certbench issues (RSA, the WebCrypto curves, Ed25519); undefined for others. */
function lightKeyLabel(key: KeyInfo): string | undefined {
  if (key.kind === 'ec' && key.curve && WEBCRYPTO_CURVES.has(key.curve)) return `ECDSA ${key.curve}`;
  if (key.kind === 'rsa' && key.oid === RSA_ENCRYPTION && key.bits > 0) return `RSA ${key.bits}`;
  if (key.kind === 'ed25519') return 'Ed25519';
  return undefined;
}
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

/** The serial as @peculiar/x509 writes it: hex of the INTEGER's octets, without the sign pad. */
function serialText(octets: Uint8Array): string {
  const body = octets.length > 1 && octets[0] === 0 && (octets[1] ?? 0) > 0x7f ? octets.subarray(1) : octets;
  return Convert.ToHex(body);
}

/**
 * Name texts read lately, by DER (hex): a cluster's CA name is the issuer of every leaf and the
 * subject of the CA, so it is read once. Emptied when it holds NAME_TEXTS_KEPT.
 */
const nameTexts = new Map<string, string>();
const NAME_TEXTS_KEPT = 64;

/**
 * Plain Name shapes (plain-name.ts) whose text plainNameText wrote as Name.toString did, with the
 * labels Name.toJSON gave their attribute types. A new root's name is read once per cluster, before
 * the JIT warms: @peculiar/x509's schema parse then cost about 0.2 ms a name in Node.
 */
const labelsOfShape = new Map<string, string[]>();

/** @peculiar/x509's text of a Name (Name.toString), as the workspace showed it before. */
function nameText(der: Uint8Array): string {
  const key = Convert.ToHex(der);
  let text = nameTexts.get(key);
  if (text === undefined) {
    const shape = plainNameShape(der);
    const labels = shape === undefined ? undefined : labelsOfShape.get(shape);
    text = labels && plainNameText(der, labels);
    if (text === undefined) {
      const name = new Name(der.slice());
      text = name.toString();
      const found = name.toJSON().map((rdn) => Object.keys(rdn)[0] ?? '');
      if (shape !== undefined && plainNameText(der, found) === text) labelsOfShape.set(shape, found);
    }
    if (nameTexts.size >= NAME_TEXTS_KEPT) nameTexts.clear();
    nameTexts.set(key, text);
  }
  return text;
}

/**
 * certificateFactsByX509's facts from the certificate's located fields (a TLV read,
 * app/pki/model certificateModel) and its key, with only the two names read by @peculiar/x509
 * (Name.toString, the text the workspace shows): a Chromium trace of a 100-node cluster spent most
 * of its workspace facts in full parses. Nothing else is decoded (the names' parts, the extensions,
 * the DER frame check certFactsOfBuffer makes for the validator): run once per cluster each, those
 * cost 0.2-0.6 ms a certificate before the JIT warms. Falls back to the full read for keys
 * lightKeyLabel does not name and for times the model could not read.
 */
function certificateFacts(der: ArrayBuffer): ItemMeta {
  const model = certificateModel(der);
  const keyAlgorithm = lightKeyLabel(keyInfoOf(parseDer(model.spki)));
  const notBefore = model.notBefore.date;
  const notAfter = model.notAfter.date;
  if (!keyAlgorithm || !notBefore || !notAfter) return certificateFactsByX509(der);
  return {
    subject: nameText(model.subject),
    issuer: nameText(model.issuer),
    serial: serialText(model.serial),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    keyAlgorithm,
  };
}

/** Subject, issuer, serial, validity, key and SANs of the first certificate in `pem`. */
export function certificateMeta(pem: string, extra: ItemMeta = {}, sans?: readonly SanEntry[]): ItemMeta {
  const block = pemDecodeAll(pem).blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new PkiError('invalid-pem', 'cert', 'No PEM CERTIFICATE found.');
  const meta: ItemMeta = { ...certificateFacts(block.der), ...extra };
  if (sans?.length) meta.sans = sans.map((s) => ({ kind: s.kind, value: s.value }));
  return meta;
}
