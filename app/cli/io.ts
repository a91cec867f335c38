/** File effects of the CLI: nothing is overwritten without --force; passwords come from files. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PkiError } from '../pki/light/index.ts';

/** Refuse to go on if any of `paths` exists, unless `force`. Checked before anything is written. */
export function assertWritable(paths: string[], force: boolean): void {
  if (force) return;
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length) {
    throw new PkiError('exists', 'out', `Refusing to overwrite ${existing.join(', ')} (use --force).`);
  }
}

/** Write a file, creating its folder; private keys get mode 0600. */
export function writeOut(path: string, data: string | Uint8Array, opts: { secret?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeInFolder(path, data, opts);
}

/** writeOut into a folder that exists (a batch makes each of its folders once). */
export function writeInFolder(path: string, data: string | Uint8Array, opts: { secret?: boolean } = {}): void {
  const mode = opts.secret ? 0o600 : 0o644;
  writeFileSync(path, data, { mode });
  // `mode` applies only when the file is created: with --force over an existing 0644 file a
  // key would stay world-readable, so set it explicitly.
  chmodSync(path, mode);
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
