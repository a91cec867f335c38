/**
 * Zip archives of bundles with deterministic bytes: entries in the given order, one fixed
 * timestamp, fixed compression level, Unix modes (0600 for secrets, 0644 otherwise).
 */
import { zipSync, type Zippable } from 'fflate';
import type { BundleFile } from './types.ts';

/**
 * 2000-01-01 00:00 in local time: the DOS timestamp in a zip is local and fflate reads the local
 * fields, so a local-time constructor gives the same bytes in every time zone.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const UNIX = 3;

export function zipBundle(files: readonly BundleFile[]): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const f of files) {
    const data = typeof f.contents === 'string' ? encoder.encode(f.contents) : f.contents;
    const mode = 0o100000 | (f.secret ? 0o600 : 0o644); // regular file
    entries[f.path] = [data, { level: 6, mtime: FIXED_MTIME, os: UNIX, attrs: mode << 16 }];
  }
  return zipSync(entries);
}
