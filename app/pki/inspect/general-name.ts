/**
 * GeneralName (RFC 5280 §4.2.1.6) to plain text, with IDNs also shown as U-labels. Shared by
 * SAN, issuer alt names, AIA, CRL distribution points and name constraints.
 */
import { stringOf, toHex } from '../asn1/values.ts';
import { childrenOf, oidFromContent, oidOf, readWhole, type Tlv } from '../asn1/tlv.ts';
import { ipToText } from '../model/general-names.ts';
import { rfc4514 } from './name-text.ts';
import { toUnicodeHostname } from './punycode.ts';
import { node, type TreeNode } from './tree.ts';

export type GeneralNameKind = 'other' | 'email' | 'dns' | 'x400' | 'dn' | 'edi' | 'uri' | 'ip' | 'rid';

export interface GeneralNameText {
  type: GeneralNameKind;
  /** As encoded: A-labels for DNS, RFC 5952 text for IPv6, "addr/prefix" for constraint masks. */
  value: string;
  /** U-label form of a DNS name (or of an email's or URI's host) that holds A-labels. */
  unicode?: string;
}

const KINDS: GeneralNameKind[] = ['other', 'email', 'dns', 'x400', 'dn', 'edi', 'uri', 'ip', 'rid'];
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

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

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

function otherNameText(buf: Uint8Array, tlv: Tlv): string {
  const [type, wrapped] = childrenOf(buf, tlv);
  if (!type) return toHex(buf.subarray(tlv.contentStart, tlv.contentEnd));
  const oid = oidOf(buf, type);
  const inner = wrapped?.constructed ? childrenOf(buf, wrapped)[0] : undefined;
  const text = stringOf(buf, inner);
  const label = oid === '1.3.6.1.4.1.311.20.2.3' ? 'UPN' : oid;
  return `${label}: ${text ?? (inner ? toHex(buf.subarray(inner.start, inner.end)) : '')}`;
}

/** Decode one GeneralName TLV. Throws on malformed DER (the caller degrades the extension). */
export function generalNameOf(buf: Uint8Array, tlv: Tlv): GeneralNameText {
  const type = KINDS[tlv.tagNumber] ?? 'other';
  if (tlv.cls !== 2) throw new Error('GeneralName is not context-tagged');
  const content = buf.subarray(tlv.contentStart, tlv.contentEnd);
  let value: string;
  switch (type) {
    case 'email':
    case 'dns':
    case 'uri':
      value = latin1(content);
      break;
    case 'ip':
      value = ipText(content);
      break;
    case 'dn': {
      const [name] = childrenOf(buf, tlv);
      if (!name) throw new Error('empty directoryName');
      value = rfc4514(buf.slice(name.start, name.end));
      break;
    }
    case 'rid':
      value = oidFromContent(content);
      break;
    case 'other':
      value = otherNameText(buf, tlv);
      break;
    default:
      value = toHex(content);
  }
  const unicode = hostOf(type, value);
  return unicode ? { type, value, unicode } : { type, value };
}

/** GeneralNames (SEQUENCE OF GeneralName) from DER. */
export function generalNamesOf(der: Uint8Array): GeneralNameText[] {
  return childrenOf(der, readWhole(der)).map((t) => generalNameOf(der, t));
}

/** A tree row for a name: "DNS: xn--bcher-kva.example" noting "bücher.example". */
export function generalNameNode(name: GeneralNameText): TreeNode {
  return node(LABELS[name.type], name.value, undefined, name.unicode ? `IDN: ${name.unicode}` : undefined);
}
