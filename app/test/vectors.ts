/**
 * Where the public test vectors live. They are vendored in app/test/vectors/ (copied from the
 * workplace's ../shared/vectors/, with their READMEs naming origin and licence) so that a clean
 * clone on a fresh CI machine has them; CERTBENCH_VECTORS points elsewhere if wanted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.env.CERTBENCH_VECTORS ?? join(import.meta.dirname, 'vectors');

/** The folder of one vector set; throws (never skips) when it is missing. */
export function vectorDir(name: 'nist-pkits' | 'zlint-testdata' | 'rfc9881'): string {
  const dir = join(ROOT, name);
  if (!existsSync(dir))
    throw new Error(`test vectors missing: ${dir} (set CERTBENCH_VECTORS to the folder holding ${name}/)`);
  return dir;
}
