/**
 * Many files written at once, for batches: `certbench issue batch` of 1000 nodes writes 2000
 * files, and one synchronous mkdir + write + chmod after another kept the process waiting on
 * the disk a syscall at a time. Here each folder is made once and the writes go through libuv's
 * pool WRITES_IN_FLIGHT at a time. Same effects as writeOut (io.ts): folders created, private
 * keys 0600 and everything else 0644, the mode set explicitly too, so --force over an existing
 * 0644 file cannot leave a key world-readable.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { boundedMap } from '../pki/index.ts';

export const WRITES_IN_FLIGHT = 32;

export interface OutFile {
  path: string;
  data: string | Uint8Array;
  secret?: boolean;
}

export async function writeOutMany(files: readonly OutFile[]): Promise<void> {
  const folders = [...new Set(files.map((f) => dirname(f.path)))];
  await boundedMap(folders, (folder) => mkdir(folder, { recursive: true }), { limit: WRITES_IN_FLIGHT });
  await boundedMap(
    files,
    async (f) => {
      const mode = f.secret ? 0o600 : 0o644;
      await writeFile(f.path, f.data, { mode });
      await chmod(f.path, mode);
    },
    { limit: WRITES_IN_FLIGHT },
  );
}
