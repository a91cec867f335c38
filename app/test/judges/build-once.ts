/**
 * Judges that are programs in this folder (Java, Go) are compiled once per test run: into
 * the run's TMPDIR (see app/test/temp-root.ts), in a folder named for the source's hash, so a
 * second test file or worker in the same run reuses the build and an edited source rebuilds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder holding the build of `sourcePath`; `build(outDir)` fills a fresh folder and throws on failure. */
export function buildOnce(sourcePath: string, build: (outDir: string) => void): string {
  const hash = createHash('sha256').update(readFileSync(sourcePath)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `certbench-judge-build-${hash}`);
  if (existsSync(dir)) return dir;
  const fresh = mkdtempSync(join(tmpdir(), 'certbench-judge-building-'));
  try {
    build(fresh);
    // Atomic publish: a concurrent builder of the same source loses the rename and keeps its own copy out of the way.
    try {
      renameSync(fresh, dir);
    } catch {
      rmSync(fresh, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    throw e;
  }
  return dir;
}
