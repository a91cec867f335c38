/**
 * GeneralName (RFC 5280 §4.2.1.6) to plain text, with IDNs also shown as U-labels. Shared by
 * SAN, issuer alt names, AIA, CRL distribution points and name constraints. The names are decoded
 * by the one GeneralName decoder (../model/general-names.ts), which the validator uses too; this
 * file only words them.
 */
import { nodeOf } from '../asn1/der-node.ts';
import { oidFromContent, oidOf, readTlv, childrenOf, type Tlv } from '../asn1/tlv.ts';
import { stringOf, toHex } from '../asn1/values.ts';
import {
  decodeGeneralName,
  decodeGeneralNames,
  ipToText,
  type GeneralNameType,
  type GeneralNameValue,
} from '../model/general-names.ts';
import { rfc4514 } from './name-text.ts';
import { toUnicodeHostname } from './punycode.ts';
import { node, type TreeNode } from './tree.ts';

/** The GeneralName forms, as the one decoder (model/general-names.ts) names them. */
export type GeneralNameKind = GeneralNameType;

export interface GeneralNameText {
  type: GeneralNameKind;
  /** As encoded: A-labels for DNS, RFC 5952 text for IPv6, "addr/prefix" for constraint masks. */
  value: string;
  /** U-label form of a DNS name (or of an email's or URI's host) that holds A-labels. */
  unicode?: string;
}

const LABELS: Record<GeneralNameKind, string> = {
  other: 'Other name',
  email: 'Email',
  dns: 'DNS',
  x400: 'X.400 address',
  dn: 'Directory name',
  edi: 'EDI party',
  uri: 'URI',
  ip: 'IP address',
  rid: 'Registered ID',
};

function prefixLength(mask: Uint8Array): number | undefined {
  let bits = 0;
  let ended = false;
  for (const b of mask) {
    for (let i = 7; i >= 0; i--) {
      const on = (b >> i) & 1;
      if (on && ended) return undefined;
      if (on) bits++;
      else ended = true;
    }
  }
  return bits;
}

function ipText(bytes: Uint8Array): string {
  if (bytes.length === 8 || bytes.length === 32) {
    const half = bytes.length / 2;
    const mask = bytes.subarray(half);
    const prefix = prefixLength(mask);
    return `${ipToText(bytes.subarray(0, half))}/${prefix ?? ipToText(mask)}`;
  }
  return bytes.length === 4 || bytes.length === 16 ? ipToText(bytes) : toHex(bytes);
}

function hostOf(type: GeneralNameKind, value: string): string | undefined {
  if (type === 'dns') return toUnicodeHostname(value);
  if (type === 'email') {
    const at = value.lastIndexOf('@');
    const host = at >= 0 ? toUnicodeHostname(value.slice(at + 1)) : undefined;
    return host ? `${value.slice(0, at + 1)}${host}` : undefined;
  }
  if (type === 'uri') {
    const m = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?)([^:/?#]+)(.*)$/i.exec(value);
    const host = m?.[2] ? toUnicodeHostname(m[2]) : undefined;
    return host ? `${m?.[1] ?? ''}${host}${m?.[3] ?? ''}` : undefined;
  }
  return undefined;
}

/** OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }, from its content octets. */
function otherNameText(content: Uint8Array): string {
  const type = readTlv(content, 0);
  const wrapped = type.end < content.length ? readTlv(content, type.end) : undefined;
  const oid = oidOf(content, type);
  const inner = wrapped?.constructed ? childrenOf(content, wrapped)[0] : undefined;
  const text = stringOf(content, inner);
  const label = oid === '1.3.6.1.4.1.311.20.2.3' ? 'UPN' : oid;
  return `${label}: ${text ?? (inner ? toHex(content.subarray(inner.start, inner.end)) : '')}`;
}

/** The text of a GeneralName the one decoder read. Throws on malformed DER (the caller degrades the extension). */
export function generalNameText(name: GeneralNameValue): GeneralNameText {
  const { type, bytes } = name;
  let value: string;
  switch (type) {
    case 'email':
    case 'dns':
    case 'uri':
      value = name.value;
      break;
    case 'ip':
      value = ipText(bytes);
      break;
    case 'dn':
      value = rfc4514(bytes);
      break;
    case 'rid':
      value = oidFromContent(bytes);
      break;
    case 'other':
      value = otherNameText(bytes);
      break;
    default:
      value = toHex(bytes);
  }
  const unicode = hostOf(type, value);
  return unicode ? { type, value, unicode } : { type, value };
}

/** Decode one GeneralName TLV located by the reader. */
export function generalNameOf(buf: Uint8Array, tlv: Tlv): GeneralNameText {
  return generalNameText(decodeGeneralName(nodeOf(buf, tlv)));
}

/** GeneralNames (SEQUENCE OF GeneralName) from DER. */
export function generalNamesOf(der: Uint8Array): GeneralNameText[] {
  return decodeGeneralNames(der).map(generalNameText);
}

/** A tree row for a name: "DNS: xn--bcher-kva.example" noting "bücher.example". */
export function generalNameNode(name: GeneralNameText): TreeNode {
  return node(LABELS[name.type], name.value, undefined, name.unicode ? `IDN: ${name.unicode}` : undefined);
}
