/**
 * A DER view over the one TLV reader (tlv.ts) for the judging code: each value is a node holding
 * views of its whole encoding and of its content, so validation code can pass values around
 * without the buffer beside them. The tag and length are decoded by `readTlv` (same limits, same
 * `TlvError`s); on top of it this view refuses indefinite lengths, which DER forbids (X.690 §10.1).
 * The node helpers decode values with the shared primitives in values.ts.
 */
import { readTlv, oidFromContent, TAG, TlvError, type Tlv } from './tlv.ts';
import { latin1, stringFromContent, timeFromContent } from './values.ts';

export { TAG, TlvError } from './tlv.ts';

export interface DerNode {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  readonly cls: number;
  readonly constructed: boolean;
  readonly tagNumber: number;
  /** The whole TLV. */
  readonly der: Uint8Array;
  /** The value octets. */
  readonly content: Uint8Array;
}

export const UNIVERSAL = 0;
export const CONTEXT = 2;

/**
 * A located TLV whose views are made when first asked for, then kept (one view per node, so a
 * view can key a WeakMap). Most nodes a certificate's judging walks through are only tested for
 * their tag or walked into, and two views per node were a visible part of a CA bundle's garbage
 * (issue 14); children are read from the same buffer by offsets, without a view of the parent.
 */
class LocatedNode implements DerNode {
  #der: Uint8Array | undefined;
  #content: Uint8Array | undefined;
  constructor(
    readonly buf: Uint8Array,
    readonly cls: number,
    readonly constructed: boolean,
    readonly tagNumber: number,
    readonly start: number,
    readonly contentStart: number,
    /** The end of the TLV, which is also its content's: DER lengths are definite. */
    readonly end: number,
  ) {}
  get der(): Uint8Array {
    return (this.#der ??= this.buf.subarray(this.start, this.end));
  }
  get content(): Uint8Array {
    return (this.#content ??= this.buf.subarray(this.contentStart, this.end));
  }
}

/**
 * One node kept for the life of the module, its views made. V8 reaches an instance's shape (its
 * hidden class, built field by field from the class's first one) only through weak links: when a
 * report's nodes were all collected between two calls, the shape went with them, and every
 * optimised function that had met a node (parseDer, children, the getters, most of the model) was
 * thrown away and compiled again on the next call (Chromium's --trace-deopt over calls 41-50 of the
 * Inspect operation on a CA bundle: 22 "embedded weak objects cleared", and 96 functions marked for
 * optimisation, against none and 62 with this node). A live node keeps the shape, and the code
 * that depends on it, alive.
 */
const SHAPE_KEEPER = new LocatedNode(new Uint8Array(1), 0, false, 0, 0, 0, 1);
void SHAPE_KEEPER.der;
void SHAPE_KEEPER.content;

/** The node view of a TLV the reader located in `buf` (no second read). */
export function nodeOf(buf: Uint8Array, t: Tlv): DerNode {
  return located(buf, t);
}

function located(buf: Uint8Array, t: Tlv): LocatedNode {
  if (t.indefinite) throw new TlvError('indefinite length, which DER does not allow');
  return new LocatedNode(buf, t.cls, t.constructed, t.tagNumber, t.start, t.contentStart, t.contentEnd);
}

/** Decode exactly one TLV that fills `buf`. */
export function parseDer(buf: Uint8Array): DerNode {
  const node = located(buf, readTlv(buf, 0, buf.length));
  if (node.end !== buf.length) throw new TlvError('trailing data after the DER value');
  return node;
}

/** The TLVs inside a constructed value; none for an absent one. */
export function children(node: DerNode | undefined): DerNode[] {
  if (!node) return [];
  if (!node.constructed) throw new TlvError('expected a constructed DER value');
  // Read in the node's own buffer up to its content's end: the same bounds as a view of the content.
  const { buf, contentStart, end } =
    node instanceof LocatedNode ? node : { buf: node.content, contentStart: 0, end: node.content.length };
  const out: DerNode[] = [];
  for (let p = contentStart; p < end;) {
    const child = located(buf, readTlv(buf, p, end));
    out.push(child);
    p = child.end;
  }
  return out;
}

export function isUniversal(node: DerNode | undefined, tagNumber: number): node is DerNode {
  return node !== undefined && node.cls === UNIVERSAL && node.tagNumber === tagNumber;
}

export function isContext(node: DerNode | undefined, tagNumber: number): node is DerNode {
  return node !== undefined && node.cls === CONTEXT && node.tagNumber === tagNumber;
}

/** A dotted OID string; '' when the node is not an OBJECT IDENTIFIER. */
export function oidOf(node: DerNode | undefined): string {
  if (!isUniversal(node, TAG.OID) || node.content.length === 0) return '';
  return oidFromContent(node.content);
}

/** A small INTEGER as a number (two's complement); throws above 2^48. */
export function smallInt(node: DerNode | undefined): number {
  if (!isUniversal(node, TAG.INTEGER) || node.content.length === 0 || node.content.length > 6)
    throw new TlvError('expected a small INTEGER');
  let v = (node.content[0] ?? 0) & 0x80 ? -1 : 0;
  for (const b of node.content) v = v * 256 + b;
  return v;
}

export function booleanOf(node: DerNode): boolean {
  if (!isUniversal(node, TAG.BOOLEAN) || node.content.length !== 1) throw new TlvError('expected a BOOLEAN');
  return node.content[0] !== 0;
}

/** BIT STRING data octets (unused-bits count dropped: the callers read named bits). */
export function bitStringBytes(node: DerNode | undefined): Uint8Array {
  if (!isUniversal(node, TAG.BIT_STRING) || node.content.length === 0) throw new TlvError('expected a BIT STRING');
  return node.content.subarray(1);
}

/** UTCTime or GeneralizedTime as a Date (UTCTime years 50-99 are 19xx, RFC 5280 §4.1.2.5.1); throws when not a time. */
export function timeOf(node: DerNode | undefined): { date: Date; encoding: 'utc' | 'generalized' } {
  const utc = isUniversal(node, TAG.UTC_TIME);
  if (!node || (!utc && !isUniversal(node, TAG.GENERALIZED_TIME))) throw new TlvError('expected a Time');
  const t = timeFromContent(utc, node.content);
  if (!t.date) throw new TlvError('bad Time value');
  return { date: t.date, encoding: t.encoding };
}

/**
 * The text of a directory string as RFC 4518 compares it (UTF8, Printable, Teletex, IA5, Visible,
 * Universal, BMP; the 8-bit types as ISO 8859-1), or null for other types.
 */
export function directoryString(node: DerNode): string | null {
  if (node.cls !== UNIVERSAL) return null;
  switch (node.tagNumber) {
    case 12:
    case 28:
    case 30:
      return stringFromContent(node.tagNumber, node.content);
    case 19:
    case 20:
    case 22:
    case 26:
      return latin1(node.content);
    default:
      return null;
  }
}
