/**
 * File effects of the CLI: nothing is overwritten without --force; passwords come from files.
 *
 * A file is never written through a symbolic link, even a dangling one: a link where an output
 * goes counts as something in the way (refused without --force), and under --force the link
 * itself is replaced, never its target. A file is created afresh with O_CREAT|O_EXCL|O_NOFOLLOW
 * and its mode, so a private key is 0600 from its first byte, also where --force replaces a 0644
 * file (open(2): O_EXCL fails on any existing name, symlinks included, without following them).
 */
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { PkiError } from '../pki/light/index.ts';

/**
 * Refuse to go on if anything is at any of `paths` (a file, a folder, a symbolic link even when
 * it points nowhere), unless `force`. Checked before anything is written.
 */
export function assertWritable(paths: string[], force: boolean): void {
  if (force) return;
  const inTheWay = paths.flatMap((p) => {
    const found = lstatSync(p, { throwIfNoEntry: false });
    if (!found) return [];
    return [found.isSymbolicLink() ? `${p} (a symbolic link: it is replaced, never written through)` : p];
  });
  if (inTheWay.length) {
    throw new PkiError('exists', 'out', `Refusing to overwrite ${inTheWay.join(', ')} (use --force).`);
  }
}

/** Write a file, creating its folder; private keys get mode 0600. */
export function writeOut(path: string, data: string | Uint8Array, opts: { secret?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeInFolder(path, data, opts);
}

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * writeOut into a folder that exists (a batch makes each of its folders once). Whatever is at
 * `path` was allowed by assertWritable (--force): it is unlinked, a link as the link itself, and
 * the file made new. The mode is set on the open file too, so a umask cannot change it.
 */
export function writeInFolder(path: string, data: string | Uint8Array, opts: { secret?: boolean } = {}): void {
  const mode = opts.secret ? 0o600 : 0o644;
  const fd = createNew(path, mode);
  try {
    fchmodSync(fd, mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
}

/** Open `path` as a new file; if a name is there (a file or a link), unlink it and open again. */
function createNew(path: string, mode: number): number {
  try {
    return openSync(path, CREATE_NEW, mode);
  } catch (e) {
    // Tried first without the unlink: a fresh folder (the usual batch) then costs no failed call.
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
  }
  unlinkSync(path);
  return openSync(path, CREATE_NEW, mode);
}

export function readText(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new PkiError('not-found', field, `Cannot read ${path}.`);
  }
}

export function readBytes(path: string, field: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new PkiError('not-found', field, `Cannot read ${path}.`);
  }
}

/** A password from a file: the first line, without its line ending. */
export function readPasswordFile(path: string): string {
  return readText(path, 'password-file').split(/\r?\n/)[0] ?? '';
}
