/**
 * A view into the batch's shared slabs (der-arena.ts) that starts inside its buffer, with other
 * bytes on both sides, filled with a fixed pattern: what an encoder reading `.buffer` without
 * the view's offset would get wrong. The slab is module state left by earlier tests, so a
 * request may start a new slab at offset 0; then the next one is taken (n is under the size
 * that gets a buffer of its own, so the second try always lands inside a slab; a larger n
 * throws rather than asking forever).
 */
import { arenaBytes } from '../pki/der-arena.ts';

export function slabViewAtOffset(n: number): Uint8Array<ArrayBuffer> {
  for (let tries = 0; tries < 2; tries++) {
    arenaBytes(3).fill(0xee);
    const view = arenaBytes(n);
    if (view.byteOffset === 0) continue;
    view.forEach((_, i) => (view[i] = (i * 151 + 7) & 255));
    arenaBytes(5).fill(0xdd);
    return view;
  }
  throw new Error(`No slab view of ${n} bytes at an offset: requests of 8 KiB and more get a buffer of their own.`);
}
