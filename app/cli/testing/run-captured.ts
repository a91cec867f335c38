/**
 * Tests' way to run the CLI in-process: `main(argv)` with stdout and stderr captured, so a test
 * reads the exit status and both streams as a script would see them.
 */
import { vi } from 'vitest';
import { main } from '../main.ts';

export interface CliRun {
  status: number;
  out: string;
  err: string;
}

export async function runCaptured(argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { status: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
