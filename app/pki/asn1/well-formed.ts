/**
 * Whether every value of a parsed ASN.1 tree parses within bounds and within the caps
 * (MAX_ASN1_DEPTH, MAX_LENGTH_OCTETS, a million values), checked before any reader trusts it.
 *
 * Two passes with one verdict: a scan over the bytes that builds nothing (scanDefinite) passes a
 * tree of definite lengths that is sound, which is every certificate, key and CRL in DER; any
 * other tree (an indefinite length, or a fault to name) takes the walk that reads each value as
 * readTlv does (walkTlvs), and its verdict and its error are the answer. The scan only ever says
 * yes where the walk would: same tag and length rules, same bounds, same depth and count caps.
 * Reading the system CA bundle, the walk built about 200 objects per certificate (a Tlv, a child
 * list and a stack entry per value), 37% of all TLV reads of an inspect.
 */
import { childrenOf, MAX_ASN1_DEPTH, MAX_LENGTH_OCTETS, TlvError, type Tlv } from './tlv.ts';

/** The most values a tree may hold. */
const MAX_VALUES = 1_000_000;

export function checkWellFormed(buf: Uint8Array, root: Tlv): void {
  if (!scanDefinite(buf, root)) walkTlvs(buf, root);
}

/**
 * Every value under `root` read as readTlv reads it, iteratively (no recursion on hostile input
 * beyond MAX_ASN1_DEPTH frames); throws a TlvError naming the first fault.
 */
export function walkTlvs(buf: Uint8Array, root: Tlv): void {
  const stack: { tlv: Tlv; depth: number }[] = [{ tlv: root, depth: 0 }];
  let values = 0;
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (++values > MAX_VALUES) throw new TlvError('too many ASN.1 values');
    if (!top.tlv.constructed) continue;
    if (top.depth >= MAX_ASN1_DEPTH) throw new TlvError(`ASN.1 nesting deeper than ${MAX_ASN1_DEPTH} levels`);
    for (const c of childrenOf(buf, top.tlv, top.depth)) stack.push({ tlv: c, depth: top.depth + 1 });
  }
}

/**
 * True when the tree under `root` has definite lengths only and walkTlvs would pass it; false
 * for anything else, to be walked. One pass, in document order: `ends` holds the content end of
 * each constructed value being read, so its length is the depth of the next value.
 */
export function scanDefinite(buf: Uint8Array, root: Tlv): boolean {
  if (root.indefinite) return false;
  if (!root.constructed) return true;
  const ends = [root.contentEnd];
  let values = 1;
  let p = root.contentStart;
  while (ends.length > 0) {
    const end = ends[ends.length - 1] ?? 0;
    if (p === end) {
      ends.pop();
      continue;
    }
    if (++values > MAX_VALUES) return false;
    const first = buf[p++] ?? 0;
    if ((first & 0x1f) === 0x1f) {
      // High tag number: at most four more octets, the last without bit 8 (readTlv's rule).
      for (let i = 0; ; i++) {
        if (p >= end || i > 3) return false;
        if (!((buf[p++] ?? 0) & 0x80)) break;
      }
    }
    if (p >= end) return false;
    const lengthByte = buf[p++] ?? 0;
    if (lengthByte === 0x80) return false;
    let length = lengthByte;
    if (lengthByte & 0x80) {
      const octets = lengthByte & 0x7f;
      if (octets > MAX_LENGTH_OCTETS) return false;
      length = 0;
      for (let i = 0; i < octets; i++) {
        if (p >= end) return false;
        length = length * 256 + (buf[p++] ?? 0);
      }
    }
    const contentEnd = p + length;
    if (contentEnd > end) return false;
    if (first & 0x20) {
      // A constructed value at depth ends.length: its children are read next.
      if (ends.length >= MAX_ASN1_DEPTH) return false;
      ends.push(contentEnd);
    } else p = contentEnd;
  }
  return true;
}
