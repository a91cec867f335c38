/**
 * PEM text written as ASCII bytes straight from DER, into slabs that can be transferred to another
 * thread: the fast path's leaves travel from a leaf helper to the pki worker and on to the page as
 * these bytes, and become strings only where they are read (the page decodes each slab once).
 *
 * Why: a PEM string took three strings to make (the platform's toBase64, its 64-character lines,
 * the armour), and sending a cluster's PEMs as strings copies them on both threads: once into the
 * message on the worker's, once out of it on the page's. On this 2-core machine (a Firecracker VM,
 * where touching a fresh page of memory costs ~16 µs) the copies dominate: a page taking 1,000
 * leaves' certificate and key PEMs (1.1 MB) from a worker, medians of 24, spent 51.7 ms on them as
 * strings against 16.7 ms as ASCII bytes transferred and decoded once (100 leaves: 8.4 against
 * 4.5 ms). The Cluster operation through the worker, a fresh page each time (an A/B of the
 * bench's steps, medians of best-of-5): 1,000 nodes 0.113 -> 0.091 ms a certificate; 100 nodes
 * unchanged (0.163 against 0.167, 16 pages a side), where the JavaScript encoder's first runs in
 * a new worker cost what the copies saved.
 *
 * Contract: writePemAscii writes exactly pemEncode's text (pem.ts: 64-character lines, LF after
 * every line, the last one too). A view from a pemAsciiWriter shares its slab with other PEMs:
 * read it, copy it or send it with its slab transferred, never write to it; once its slab was
 * transferred, the view is empty (asciiText then refuses it).
 */
import { PkiError } from './errors.ts';

/** The largest slab: some 25 P-256 leaves' certificate and key PEMs. */
const SLAB_BYTES = 32 * 1024;
/** The smallest, for a batch of one or two; and a P-256 leaf's two PEMs, about (1,000 + 250 bytes). */
const MIN_SLAB_BYTES = 4 * 1024;
const LEAF_BYTES = 1536;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const EQUALS = 0x3d;
const LF = 0x0a;

/** ASCII bytes of short strings (the armour lines), made once per label. */
const armour = new Map<string, Uint8Array>();
function asciiOf(text: string): Uint8Array {
  let bytes = armour.get(text);
  if (!bytes) armour.set(text, (bytes = Uint8Array.from(text, (c) => c.charCodeAt(0))));
  return bytes;
}

/** The length of pemEncode(label, der) for `derLength` bytes of DER. */
export function pemAsciiLength(label: string, derLength: number): number {
  const base64 = Math.ceil(derLength / 3) * 4;
  return 2 * (label.length + 16) + base64 + Math.ceil(base64 / 64);
}

/** Write pemEncode(label, der) into `out` from `at`; returns where it ends. `out` must have room (pemAsciiLength). */
export function writePemAscii(label: string, der: Uint8Array, out: Uint8Array, at: number): number {
  const begin = asciiOf(`-----BEGIN ${label}-----\n`);
  out.set(begin, at);
  let o = at + begin.length;
  const n = der.length;
  let i = 0;
  let groups = 0;
  for (; i + 2 < n; i += 3) {
    const v = (der[i]! << 16) | (der[i + 1]! << 8) | der[i + 2]!;
    out[o] = CODES[v >>> 18]!;
    out[o + 1] = CODES[(v >>> 12) & 63]!;
    out[o + 2] = CODES[(v >>> 6) & 63]!;
    out[o + 3] = CODES[v & 63]!;
    o += 4;
    // 16 groups of four characters make a 64-character line.
    if (++groups === 16) {
      out[o++] = LF;
      groups = 0;
    }
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = (der[i]! << 16) | ((two ? der[i + 1]! : 0) << 8);
    out[o] = CODES[v >>> 18]!;
    out[o + 1] = CODES[(v >>> 12) & 63]!;
    out[o + 2] = two ? CODES[(v >>> 6) & 63]! : EQUALS;
    out[o + 3] = EQUALS;
    o += 4;
    groups++;
  }
  if (groups) out[o++] = LF;
  const end = asciiOf(`-----END ${label}-----\n`);
  out.set(end, o);
  return o + end.length;
}

/** Writes PEMs as ASCII bytes, each a view into this writer's slabs. */
export type PemAsciiWriter = (label: string, der: Uint8Array) => Uint8Array<ArrayBuffer>;

/**
 * A writer of one batch's (or one share's) PEMs of about `leaves` leaves: its own slabs, so sending
 * one batch's slabs never empties another's views (two batches can run at once in one worker), and
 * sized to the batch (a fresh slab is zeroed memory, and the page decodes up to its last PEM). A
 * PEM larger than half a slab gets a buffer of its own.
 */
export function pemAsciiWriter(leaves: number): PemAsciiWriter {
  const slabBytes = Math.min(SLAB_BYTES, Math.max(MIN_SLAB_BYTES, leaves * LEAF_BYTES));
  let slab: Uint8Array<ArrayBuffer> | undefined;
  let used = 0;
  return (label, der) => {
    const size = pemAsciiLength(label, der.length);
    if (size > slabBytes / 2) {
      const own = new Uint8Array(size);
      writePemAscii(label, der, own, 0);
      return own;
    }
    // A slab that was sent away (byteLength 0) is replaced like a full one.
    if (!slab || used + size > slab.byteLength) {
      slab = new Uint8Array(slabBytes);
      used = 0;
    }
    const end = writePemAscii(label, der, slab, used);
    const view = slab.subarray(used, end);
    used = end;
    return view;
  };
}

const decoder = new TextDecoder();

/** The text of PEM ASCII bytes; throws once their slab was transferred away (the view is then empty). */
export function asciiText(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new PkiError('internal', '', 'A PEM was read after it was sent to another thread.');
  return decoder.decode(bytes);
}

/**
 * The distinct buffers under the PEMs of `pems` held as bytes (text is skipped): what to transfer
 * so those views travel without a copy.
 */
export function buffersOf(pems: Iterable<string | Uint8Array>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const p of pems) if (typeof p !== 'string' && p.buffer instanceof ArrayBuffer) buffers.add(p.buffer);
  return [...buffers];
}

/** A PEM as text, whether it was kept as a string or as ASCII bytes. */
export function pemText(pem: string | Uint8Array): string {
  return typeof pem === 'string' ? pem : asciiText(pem);
}
