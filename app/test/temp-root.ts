/**
 * Vitest global setup: every test's temporary folder goes under one folder per run, removed when
 * the run ends. Tests call mkdtempSync(join(tmpdir(), …)) as usual; tmpdir() follows TMPDIR,
 * which the forked test workers (and the openssl, python and keytool they start) inherit. Without
 * this a full run left thousands of folders, private keys included, in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'certbench-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
