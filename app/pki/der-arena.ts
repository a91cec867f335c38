/**
 * Byte arrays for the per-leaf DER of the batch fast path (a leaf's TBS, its certificate, its
 * SPKI and its DER signature), carved from shared slabs instead of one ArrayBuffer each.
 *
 * Why: a Uint8Array of more than 64 bytes gets a backing store outside V8's heap, and making one
 * (allocation, zeroing, the heap's external-memory accounting, and sweeping it again at every
 * young-generation collection) cost 3-15 µs in a fresh Chromium worker, against 1-3 µs for a view
 * into a slab (400 arrays of ~400 bytes, three fresh workers). A 100-node batch made about 400.
 *
 * Contract: a view shares its ArrayBuffer with others, so nothing may read, transfer or keep its
 * `.buffer`; copy it (`slice()`) to own it. A slab lives as long as any view into it, so a value
 * kept for long (an issuer's own bytes, a module cache) must not come from here.
 */

/** One slab: about 50 P-256 leaves' DER. */
const SLAB_BYTES = 64 * 1024;
/** Larger requests get a buffer of their own (an RSA 4096 TBS is ~1 KiB, well under this). */
const OWN_BUFFER_FROM = SLAB_BYTES / 8;

let slab: ArrayBuffer | undefined;
let used = 0;

/** A zero-filled view of `size` bytes, from the current slab (a new one when it is full). */
export function arenaBytes(size: number): Uint8Array<ArrayBuffer> {
  if (size >= OWN_BUFFER_FROM) return new Uint8Array(size);
  if (!slab || used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const view = new Uint8Array(slab, used, size);
  used += size;
  return view;
}

/** A byte array of its own: the default allocation, for values that are kept or whose buffer is used. */
export function ownBytes(size: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(size);
}

/** Where a writer takes its output bytes from. */
export type ByteAllocator = (size: number) => Uint8Array<ArrayBuffer>;
